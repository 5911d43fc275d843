/** Reads and writes training history: completions, "not now"/"not relevant", offers and the nudges sent. */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Person } from "../../domain/person.js";
import type { Db } from "../db.js";
import { people } from "../schema/people.js";
import { trainingCompletions, trainingNudges, trainingOffers, trainingSuppressions } from "../schema/training.js";

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
export class TrainingRepository {
  constructor(private readonly db: Db) {}

  /** Module ids a person completed. */
  completed(workspace: string, personId: number): Set<string> {
    const where = and(eq(trainingCompletions.workspace, workspace), eq(trainingCompletions.personId, personId));
    return new Set(
      this.db
        .select({ id: trainingCompletions.moduleId })
        .from(trainingCompletions)
        .where(where)
        .all()
        .map((r) => r.id),
    );
  }

  /** Every completion in a workspace, by person id. */
  teamCompleted(workspace: string): Map<number, Set<string>> {
    const team = new Map<number, Set<string>>();
    for (const r of this.db
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.workspace, workspace))
      .all()) {
      team.set(r.personId, (team.get(r.personId) ?? new Set<string>()).add(r.moduleId));
    }
    return team;
  }

  /** Records a completion; false when it was already recorded. */
  complete(workspace: string, personId: number, moduleId: string, now: Date): boolean {
    const result = this.db
      .insert(trainingCompletions)
      .values({ workspace, personId, moduleId, completedAt: now.toISOString() })
      .onConflictDoNothing()
      .run();
    return result.changes > 0;
  }

  /** A person's snoozed and dismissed modules. */
  suppressions(workspace: string, personId: number): Suppression[] {
    const where = and(eq(trainingSuppressions.workspace, workspace), eq(trainingSuppressions.personId, personId));
    return this.db
      .select({
        moduleId: trainingSuppressions.moduleId,
        kind: trainingSuppressions.kind,
        until: trainingSuppressions.until,
      })
      .from(trainingSuppressions)
      .where(where)
      .all();
  }

  /** Snoozes (until a time) or dismisses (until null) a module for a person; the latest choice wins. */
  suppress(
    workspace: string,
    personId: number,
    moduleId: string,
    kind: Suppression["kind"],
    until: Date | null,
    now: Date,
  ): void {
    const set = { kind, until: until?.toISOString() ?? null, createdAt: now.toISOString() };
    this.db
      .insert(trainingSuppressions)
      .values({ workspace, personId, moduleId, ...set })
      .onConflictDoUpdate({ target: [trainingSuppressions.personId, trainingSuppressions.moduleId], set })
      .run();
  }

  /** Remembers that these modules were shown to the person, so their buttons act for them. */
  recordOffers(workspace: string, personId: number, moduleIds: readonly string[], now: Date): void {
    for (const moduleId of moduleIds) {
      this.db
        .insert(trainingOffers)
        .values({ workspace, personId, moduleId, offeredAt: now.toISOString() })
        .onConflictDoUpdate({
          target: [trainingOffers.personId, trainingOffers.moduleId],
          set: { offeredAt: now.toISOString() },
        })
        .run();
    }
  }

  /** True when the module was ever shown to this person. */
  wasOffered(workspace: string, personId: number, moduleId: string): boolean {
    const where = and(
      eq(trainingOffers.workspace, workspace),
      eq(trainingOffers.personId, personId),
      eq(trainingOffers.moduleId, moduleId),
    );
    return this.db.select({ id: trainingOffers.moduleId }).from(trainingOffers).where(where).get() !== undefined;
  }

  /** When the person's latest nudge was enqueued, or undefined. */
  lastNudgeAt(workspace: string, personId: number): Date | undefined {
    const where = and(eq(trainingNudges.workspace, workspace), eq(trainingNudges.personId, personId));
    const row = this.db
      .select({ at: trainingNudges.sentAt })
      .from(trainingNudges)
      .where(where)
      .orderBy(desc(trainingNudges.sentAt))
      .limit(1)
      .get();
    return row ? new Date(row.at) : undefined;
  }

  /** Records a nudge; false when the person already has one for that week. */
  recordNudge(n: NudgeRecord): boolean {
    const result = this.db
      .insert(trainingNudges)
      .values({ ...n, sentAt: n.sentAt.toISOString() })
      .onConflictDoNothing()
      .run();
    return result.changes > 0;
  }

  /** People of every workspace who may get nudges: on the team (role not none) and not opted out. */
  nudgeCandidates(): Person[] {
    return this.db
      .select()
      .from(people)
      .where(and(ne(people.role, "none"), eq(people.trainingOptOut, false)))
      .orderBy(people.workspace, people.id)
      .all();
  }
}
