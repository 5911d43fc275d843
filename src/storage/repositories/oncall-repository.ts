/** Who is on call for honeypot pings in each workspace (`oncall @person…`). */
import { eq } from "drizzle-orm";
import { byName, type Person } from "../../domain/person.js";
import { Repository } from "../handle.js";

/** Access to the oncall table, always within one workspace. */
export class OncallRepository extends Repository {
  /** The people on call, by name; empty when the workspace relies on its leads and admins. */
  async people(workspace: string): Promise<Person[]> {
    const { oncall, people } = this.t;
    const rows = await this.q((db) =>
      db
        .select({ person: people })
        .from(oncall)
        .innerJoin(people, eq(people.id, oncall.personId))
        .where(eq(oncall.workspace, workspace)),
    );
    return rows.map((r) => r.person).sort(byName);
  }

  /** Puts exactly these people on call (none: back to the leads and admins). */
  replace(workspace: string, personIds: readonly number[], now: Date): Promise<void> {
    const { oncall } = this.t;
    return this.h.unit(async () => {
      await this.q((db) => db.delete(oncall).where(eq(oncall.workspace, workspace)));
      if (personIds.length)
        await this.q((db) =>
          db.insert(oncall).values(personIds.map((personId) => ({ workspace, personId, since: now.toISOString() }))),
        );
    });
  }
}
