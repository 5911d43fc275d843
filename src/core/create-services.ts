/** Builds the Services bundle over an open database: used by main.ts, tests and benchmarks alike. */
import type { Plan } from "../domain/plan.js";
import type { Logger } from "../logger.js";
import type { Db } from "../storage/db.js";
import { AuditRepository } from "../storage/repositories/audit-repository.js";
import { PeopleRepository } from "../storage/repositories/people-repository.js";
import { SubscriptionRepository } from "../storage/repositories/subscription-repository.js";
import { TaskRepository } from "../storage/repositories/task-repository.js";
import type { Services } from "./services.js";

/** The inputs that differ between production and tests. */
export interface ServiceOptions {
  db: Db;
  plan: Plan;
  log: Logger;
  clock: () => Date;
  admins: readonly string[];
}

/** Wires repositories to the database. */
export function createServices(o: ServiceOptions): Services {
  return {
    db: o.db,
    plan: o.plan,
    log: o.log,
    clock: o.clock,
    admins: o.admins,
    people: new PeopleRepository(o.db),
    tasks: new TaskRepository(o.db, o.plan.areas.map((a) => a.id)),
    audit: new AuditRepository(o.db),
    subscriptions: new SubscriptionRepository(o.db),
  };
}
