/** The dependencies commands and jobs work with, built once in main.ts (or per test). */
import type { Plan } from "../domain/plan.js";
import type { Logger } from "../logger.js";
import type { Db } from "../storage/db.js";
import type { AuditRepository } from "../storage/repositories/audit-repository.js";
import type { PeopleRepository } from "../storage/repositories/people-repository.js";
import type { SubscriptionRepository } from "../storage/repositories/subscription-repository.js";
import type { TaskRepository } from "../storage/repositories/task-repository.js";

/** Everything a command may use; no platform SDK appears here. */
export interface Services {
  db: Db;
  plan: Plan;
  people: PeopleRepository;
  tasks: TaskRepository;
  audit: AuditRepository;
  subscriptions: SubscriptionRepository;
  log: Logger;
  /** The time now; tests pass a controllable clock. */
  clock: () => Date;
  /** Platform ids or emails that are admins from the start (SECOPS_ADMINS). */
  admins: readonly string[];
}
