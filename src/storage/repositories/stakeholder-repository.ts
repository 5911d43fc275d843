/** Who the workspace named on each stakeholder role. */
import { and, eq } from "drizzle-orm";
import { Repository } from "../handle.js";

export interface Stakeholder {
  role: string;
  personId: number;
  platformUserId: string;
  name: string;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class StakeholderRepository extends Repository {
  /** Every named stakeholder of a workspace, by role then name (sorted here, the same on every engine). */
  async all(workspace: string): Promise<Stakeholder[]> {
    const { stakeholders, people } = this.t;
    const rows = await this.q((db) =>
      db
        .select({
          role: stakeholders.role,
          personId: stakeholders.personId,
          platformUserId: people.platformUserId,
          name: people.displayName,
        })
        .from(stakeholders)
        .innerJoin(people, eq(people.id, stakeholders.personId))
        .where(eq(stakeholders.workspace, workspace)),
    );
    return rows.sort((a, b) => byCodeUnits(a.role, b.role) || byCodeUnits(a.name, b.name) || a.personId - b.personId);
  }

  /** Puts exactly these people on a role (replacing whoever was there). */
  replace(workspace: string, role: string, personIds: readonly number[], by: number, now: Date): Promise<void> {
    const { stakeholders } = this.t;
    return this.h.unit(async () => {
      await this.q((db) =>
        db.delete(stakeholders).where(and(eq(stakeholders.workspace, workspace), eq(stakeholders.role, role))),
      );
      if (personIds.length)
        await this.q((db) =>
          db.insert(stakeholders).values(
            personIds.map((personId) => ({
              workspace,
              role,
              personId,
              assignedBy: by,
              assignedAt: now.toISOString(),
            })),
          ),
        );
    });
  }
}
