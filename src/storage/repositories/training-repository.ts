/** Reads and writes training history: completions, "not now"/"not relevant", offers and the nudges sent. */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Person } from "../../domain/person.js";
import { Repository } from "../handle.js";

/** A module hidden for a person: snoozed until a time, or dismissed for good (`until` null). */
export interface Suppression {
  moduleId: string;
  kind: "snooze" | "dismiss";
  until: string | null;
}

/** A nudge as recorded when it was enqueued. */
export interface NudgeRecord {
  workspace: string;
  personId: number;
  week: string;
  outboxKey: string;
  moduleIds: string[];
  reason: string;
  sentAt: Date;
}

/** Access to training history of every workspace. */
export class TrainingRepository extends Repository {
  /** Module ids a person completed. */
  async completed(workspace: string, personId: number): Promise<Set<string>> {
    const { trainingCompletions: c } = this.t;
    const rows = await this.q((db) =>
      db
        .select({ id: c.moduleId })
        .from(c)
        .where(and(eq(c.workspace, workspace), eq(c.personId, personId))),
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Every completion in a workspace, by person id. */
  async teamCompleted(workspace: string): Promise<Map<number, Set<string>>> {
    const { trainingCompletions: c } = this.t;
    const team = new Map<number, Set<string>>();
    for (const r of await this.q((db) => db.select().from(c).where(eq(c.workspace, workspace)))) {
      team.set(r.personId, (team.get(r.personId) ?? new Set<string>()).add(r.moduleId));
    }
    return team;
  }

  /** Records a completion; false when it was already recorded. */
  async complete(workspace: string, personId: number, moduleId: string, now: Date): Promise<boolean> {
    const { trainingCompletions: c } = this.t;
    const inserted = await this.q((db) =>
      db
        .insert(c)
        .values({ workspace, personId, moduleId, completedAt: now.toISOString() })
        .onConflictDoNothing()
        .returning({ id: c.moduleId }),
    );
    return inserted.length > 0;
  }

  /** A person's snoozed and dismissed modules. */
  suppressions(workspace: string, personId: number): Promise<Suppression[]> {
    const { trainingSuppressions: s } = this.t;
    return this.q((db) =>
      db
        .select({ moduleId: s.moduleId, kind: s.kind, until: s.until })
        .from(s)
        .where(and(eq(s.workspace, workspace), eq(s.personId, personId))),
    );
  }

  /** Snoozes (until a time) or dismisses (until null) a module for a person; the latest choice wins. */
  async suppress(
    workspace: string,
    personId: number,
    moduleId: string,
    kind: Suppression["kind"],
    until: Date | null,
    now: Date,
  ): Promise<void> {
    const { trainingSuppressions: s } = this.t;
    const set = { kind, until: until?.toISOString() ?? null, createdAt: now.toISOString() };
    await this.q((db) =>
      db
        .insert(s)
        .values({ workspace, personId, moduleId, ...set })
        .onConflictDoUpdate({ target: [s.personId, s.moduleId], set }),
    );
  }

  /** Remembers that these modules were shown to the person, so their buttons act for them. */
  async recordOffers(workspace: string, personId: number, moduleIds: readonly string[], now: Date): Promise<void> {
    const { trainingOffers: o } = this.t;
    if (moduleIds.length === 0) return;
    const at = now.toISOString();
    await this.q((db) =>
      db
        .insert(o)
        .values(moduleIds.map((moduleId) => ({ workspace, personId, moduleId, offeredAt: at })))
        .onConflictDoUpdate({ target: [o.personId, o.moduleId], set: { offeredAt: at } }),
    );
  }

  /** True when the module was ever shown to this person. */
  async wasOffered(workspace: string, personId: number, moduleId: string): Promise<boolean> {
    const { trainingOffers: o } = this.t;
    const rows = await this.q((db) =>
      db
        .select({ id: o.moduleId })
        .from(o)
        .where(and(eq(o.workspace, workspace), eq(o.personId, personId), eq(o.moduleId, moduleId))),
    );
    return rows.length > 0;
  }

  /** When the person's latest nudge was enqueued, or undefined. */
  async lastNudgeAt(workspace: string, personId: number): Promise<Date | undefined> {
    const { trainingNudges: n } = this.t;
    const [row] = await this.q((db) =>
      db
        .select({ at: n.sentAt })
        .from(n)
        .where(and(eq(n.workspace, workspace), eq(n.personId, personId)))
        .orderBy(desc(n.sentAt))
        .limit(1),
    );
    return row ? new Date(row.at) : undefined;
  }

  /** Records a nudge; false when the person already has one for that week. */
  async recordNudge(record: NudgeRecord): Promise<boolean> {
    const { trainingNudges: n } = this.t;
    const inserted = await this.q((db) =>
      db
        .insert(n)
        .values({ ...record, sentAt: record.sentAt.toISOString() })
        .onConflictDoNothing()
        .returning({ id: n.id }),
    );
    return inserted.length > 0;
  }

  /** People of every workspace who may get nudges: on the team (role not none) and not opted out. */
  nudgeCandidates(): Promise<Person[]> {
    const { people } = this.t;
    return this.q((db) =>
      db
        .select()
        .from(people)
        .where(and(ne(people.role, "none"), eq(people.trainingOptOut, false)))
        .orderBy(people.workspace, people.id),
    );
  }
}
