/** Who the workspace named on each stakeholder role; every method is async so a second engine can serve it. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db.js";
import { people } from "../schema/people.js";
import { stakeholders } from "../schema/stakeholders.js";

/** One named stakeholder. */
export interface Stakeholder {
  role: string;
  personId: number;
  platformUserId: string;
  name: string;
}

/** Access to the stakeholders table. */
export class StakeholderRepository {
  constructor(private readonly db: Db) {}

  /** Every named stakeholder of a workspace, by role then name. */
  async all(workspace: string): Promise<Stakeholder[]> {
    return this.db
      .select({
        role: stakeholders.role,
        personId: stakeholders.personId,
        platformUserId: people.platformUserId,
        name: people.displayName,
      })
      .from(stakeholders)
      .innerJoin(people, eq(people.id, stakeholders.personId))
      .where(eq(stakeholders.workspace, workspace))
      .orderBy(asc(stakeholders.role), asc(people.displayName))
      .all();
  }

  /** Puts exactly these people on a role (replacing whoever was there). */
  async replace(workspace: string, role: string, personIds: readonly number[], by: number, now: Date): Promise<void> {
    this.db.transaction((tx) => {
      tx.delete(stakeholders)
        .where(and(eq(stakeholders.workspace, workspace), eq(stakeholders.role, role)))
        .run();
      if (personIds.length)
        tx.insert(stakeholders)
          .values(
            personIds.map((personId) => ({ workspace, role, personId, assignedBy: by, assignedAt: now.toISOString() })),
          )
          .run();
    });
  }
}
