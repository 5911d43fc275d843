/** Who leads each plan area of a workspace (`arealead S2 @dana…`). */
import { and, eq } from "drizzle-orm";
import { byName, type Person } from "../../domain/person.js";
import { Repository } from "../handle.js";

/** One person leading one area. */
export interface AreaLead {
  area: string;
  person: Person;
}

/** Access to the area_leads table, always within one workspace. */
export class AreaLeadRepository extends Repository {
  /** Every area lead of a workspace, by area then name. */
  async all(workspace: string): Promise<AreaLead[]> {
    const { areaLeads, people } = this.t;
    const rows = await this.q((db) =>
      db
        .select({ area: areaLeads.area, person: people })
        .from(areaLeads)
        .innerJoin(people, eq(people.id, areaLeads.personId))
        .where(eq(areaLeads.workspace, workspace)),
    );
    return rows.sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : byName(a.person, b.person)));
  }

  /** The leads of one area, by name; empty when the area has none. */
  async ofArea(workspace: string, area: string): Promise<Person[]> {
    const { areaLeads, people } = this.t;
    const rows = await this.q((db) =>
      db
        .select({ person: people })
        .from(areaLeads)
        .innerJoin(people, eq(people.id, areaLeads.personId))
        .where(and(eq(areaLeads.workspace, workspace), eq(areaLeads.area, area))),
    );
    return rows.map((r) => r.person).sort(byName);
  }

  /** Puts exactly these people on an area (none: the area falls back to the leads). */
  replace(workspace: string, area: string, personIds: readonly number[], by: number, now: Date): Promise<void> {
    const { areaLeads } = this.t;
    return this.h.unit(async () => {
      await this.q((db) =>
        db.delete(areaLeads).where(and(eq(areaLeads.workspace, workspace), eq(areaLeads.area, area))),
      );
      if (personIds.length)
        await this.q((db) =>
          db.insert(areaLeads).values(
            personIds.map((personId) => ({
              workspace,
              area,
              personId,
              assignedBy: by,
              assignedAt: now.toISOString(),
            })),
          ),
        );
    });
  }
}
