/**
 * What the core itself needs from the services it is handed: people to resolve the actor and mentions,
 * the plan to seed a new workspace, and whether a failure means storage cannot be written. The core
 * declares these ports; the composition root (src/app) hands it the full Services, which satisfy them.
 */
import type { Person } from "../domain/person.js";
import type { Plan } from "../domain/plan.js";
import type { Role } from "../domain/roles.js";
import type { Logger } from "../logger.js";
import type { Identity } from "./incoming.js";

export interface CoreServices {
  people: {
    upsert(workspace: string, identity: Identity, initialRole?: Role): Promise<Person>;
    setRole(id: number, role: Role): Promise<void>;
    byPlatformId(workspace: string, platformUserId: string): Promise<Person | undefined>;
    byName(workspace: string, name: string): Promise<Person[]>;
  };
  tasks: { seed(workspace: string, plan: Plan, now: Date): Promise<void> };
  storage: { isUnwritable(err: unknown): boolean };
  plan: Plan;
  log: Logger;
  clock: () => Date;
  /** SECOPS_ADMINS entries (workspace/user ids, bare ids, emails), matched by src/domain/admins.ts. */
  admins: readonly string[];
}
