/** Reads and writes people; the only code that knows the people table's columns. */
import { and, eq, sql } from "drizzle-orm";
import type { Identity } from "../../core/incoming.js";
import type { Person } from "../../domain/person.js";
import type { Role } from "../../domain/roles.js";
import type { Db } from "../db.js";
import { people } from "../schema/people.js";

/** Access to the people of every workspace. */
export class PeopleRepository {
  constructor(private readonly db: Db) {}

  /** Finds or creates the person behind an identity, refreshing name and email; `initialRole` applies on creation only. */
  upsert(workspace: string, identity: Identity, initialRole: Role = "none"): Person {
    const row = this.db
      .insert(people)
      .values({
        workspace,
        platformUserId: identity.userId,
        displayName: identity.displayName,
        email: identity.email ?? null,
        role: initialRole,
      })
      .onConflictDoUpdate({
        target: [people.workspace, people.platformUserId],
        set: { displayName: identity.displayName, email: sql`coalesce(${identity.email ?? null}, ${people.email})` },
      })
      .returning()
      .get();
    return row;
  }

  /** A person by row id within a workspace. */
  byId(workspace: string, id: number): Person | undefined {
    return this.db
      .select()
      .from(people)
      .where(and(eq(people.workspace, workspace), eq(people.id, id)))
      .get();
  }

  /** A person by platform user id within a workspace. */
  byPlatformId(workspace: string, platformUserId: string): Person | undefined {
    return this.db
      .select()
      .from(people)
      .where(and(eq(people.workspace, workspace), eq(people.platformUserId, platformUserId)))
      .get();
  }

  /** People whose display name matches (case-insensitive) in a workspace. */
  byName(workspace: string, name: string): Person[] {
    return this.db
      .select()
      .from(people)
      .where(and(eq(people.workspace, workspace), sql`lower(${people.displayName}) = lower(${name})`))
      .all();
  }

  /** Every person in a workspace, by name. */
  all(workspace: string): Person[] {
    return this.db.select().from(people).where(eq(people.workspace, workspace)).orderBy(people.displayName).all();
  }

  /** Changes a person's role. */
  setRole(id: number, role: Role): void {
    this.db.update(people).set({ role }).where(eq(people.id, id)).run();
  }

  /** Sets timezone, working hours, the training opt-out, notices or the date format. */
  update(
    id: number,
    fields: Partial<
      Pick<Person, "timezone" | "workStartHour" | "workEndHour" | "trainingOptOut" | "notify" | "dateFormat">
    >,
  ): void {
    this.db.update(people).set(fields).where(eq(people.id, id)).run();
  }
}
