/** Weekly digest snapshots and the week's completions, read from the audit history. */
import { and, desc, eq, gte, lt } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import type { AreaCount } from "../../domain/digest.js";
import type { Completion } from "../../domain/digest-facts.js";
import type { Db } from "../db.js";
import { auditEvents } from "../schema/audit.js";
import { digestSnapshots } from "../schema/digest-snapshots.js";

/** Where a digest goes. */
export interface DigestTarget {
  workspace: string;
  platform: PlatformName;
  conversationId: string;
}

/** Access to digest snapshots. */
export class DigestRepository {
  constructor(private readonly db: Db) {}

  /** The latest snapshot of a week before `week` (ISO week strings sort in time order). */
  previous(target: DigestTarget, week: string): AreaCount[] | undefined {
    return this.db
      .select({ areas: digestSnapshots.areas })
      .from(digestSnapshots)
      .where(
        and(
          eq(digestSnapshots.platform, target.platform),
          eq(digestSnapshots.conversationId, target.conversationId),
          lt(digestSnapshots.week, week),
        ),
      )
      .orderBy(desc(digestSnapshots.week))
      .get()?.areas;
  }

  /** Records what this week's digest showed; a second call for the same week changes nothing. */
  save(target: DigestTarget, week: string, areas: AreaCount[], now: Date): void {
    this.db
      .insert(digestSnapshots)
      .values({ ...target, week, areas, takenAt: now.toISOString() })
      .onConflictDoNothing()
      .run();
  }

  /** Tasks marked done in [from, to), with who marked them. */
  completions(workspace: string, from: Date, to: Date): Completion[] {
    return this.db
      .select({ taskId: auditEvents.entityId, by: auditEvents.actorName, at: auditEvents.at })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspace, workspace),
          eq(auditEvents.entityType, "task"),
          eq(auditEvents.action, "status"),
          eq(auditEvents.newValue, "done"),
          gte(auditEvents.at, from.toISOString()),
          lt(auditEvents.at, to.toISOString()),
        ),
      )
      .all();
  }
}
