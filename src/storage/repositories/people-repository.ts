/** Reads and writes people; the only code that knows the people table's columns. */
import { and, eq, sql } from "drizzle-orm";
import type { Identity } from "../../core/incoming.js";
import { byName, type Person } from "../../domain/person.js";
import type { Role } from "../../domain/roles.js";
import { Repository } from "../handle.js";

/** Access to the people of every workspace. */
export class PeopleRepository extends Repository {
  /**
   * Finds or creates the person behind an identity, refreshing name and email; `initialRole` applies on
   * creation only. A known person whose name and email are as stored costs one read and writes nothing.
   */
  async upsert(workspace: string, identity: Identity, initialRole: Role = "none"): Promise<Person> {
    const { people } = this.t;
    const displayName = withoutNul(identity.displayName);
    const email = identity.email === undefined ? null : withoutNul(identity.email);
    const known = await this.byPlatformId(workspace, identity.userId);
    if (known && known.displayName === displayName && (email === null || known.email === email)) return known;
    return this.q(async (db) => {
      const [row] = await db
        .insert(people)
        .values({ workspace, platformUserId: identity.userId, displayName, email, role: initialRole })
        .onConflictDoUpdate({
          target: [people.workspace, people.platformUserId],
          set: { displayName, email: sql`coalesce(${email}, ${people.email})` },
        })
        .returning();
      if (!row) throw new Error("upsert returned no row");
      return row;
    });
  }

  /** A person by row id within a workspace. */
  byId(workspace: string, id: number): Promise<Person | undefined> {
    const { people } = this.t;
    return this.q(
      async (db) =>
        (
          await db
            .select()
            .from(people)
            .where(and(eq(people.workspace, workspace), eq(people.id, id)))
        )[0],
    );
  }

  /** A person by platform user id within a workspace. */
  byPlatformId(workspace: string, platformUserId: string): Promise<Person | undefined> {
    const { people } = this.t;
    return this.q(
      async (db) =>
        (
          await db
            .select()
            .from(people)
            .where(and(eq(people.workspace, workspace), eq(people.platformUserId, platformUserId)))
        )[0],
    );
  }

  /** People whose display name matches (case-insensitive) in a workspace. */
  byName(workspace: string, name: string): Promise<Person[]> {
    const { people } = this.t;
    return this.q((db) =>
      db
        .select()
        .from(people)
        .where(and(eq(people.workspace, workspace), sql`lower(${people.displayName}) = lower(${name})`)),
    );
  }

  /** Every person in a workspace, by name. */
  async all(workspace: string): Promise<Person[]> {
    const { people } = this.t;
    const rows = await this.q((db) => db.select().from(people).where(eq(people.workspace, workspace)));
    return rows.sort(byName);
  }

  /** Changes a person's role. */
  async setRole(id: number, role: Role): Promise<void> {
    const { people } = this.t;
    await this.q((db) => db.update(people).set({ role }).where(eq(people.id, id)));
  }

  /** Sets timezone, working hours, the training opt-out, notices or the date format. */
  async update(
    id: number,
    fields: Partial<
      Pick<Person, "timezone" | "workStartHour" | "workEndHour" | "trainingOptOut" | "notify" | "dateFormat">
    >,
  ): Promise<void> {
    const { people } = this.t;
    await this.q((db) => db.update(people).set(fields).where(eq(people.id, id)));
  }
}

/** Names come from the platforms; PostgreSQL text cannot hold NUL, and a NUL never means anything in a name. */
function withoutNul(text: string): string {
  return text.replaceAll("\u0000", "");
}
