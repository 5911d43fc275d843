/** Weekly digest snapshots and the week's completions, read from the audit history. */
import { and, count, desc, eq, gte, lt } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import type { AreaCount } from "../../digest/card.js";
import type { Completion } from "../../digest/facts.js";
import { Repository } from "../handle.js";

/** Where a digest goes. */
export interface DigestTarget {
  workspace: string;
  platform: PlatformName;
  conversationId: string;
}

export class DigestRepository extends Repository {
  /** The latest snapshot of a week before `week` (ISO week strings sort in time order). */
  async previous(target: DigestTarget, week: string): Promise<AreaCount[] | undefined> {
    const { digestSnapshots } = this.t;
    const [row] = await this.q((db) =>
      db
        .select({ areas: digestSnapshots.areas })
        .from(digestSnapshots)
        .where(
          and(
            eq(digestSnapshots.workspace, target.workspace),
            eq(digestSnapshots.platform, target.platform),
            eq(digestSnapshots.conversationId, target.conversationId),
            lt(digestSnapshots.week, week),
          ),
        )
        .orderBy(desc(digestSnapshots.week))
        .limit(1),
    );
    return row?.areas;
  }

  /** Records what this week's digest showed; a second call for the same week changes nothing. */
  async save(target: DigestTarget, week: string, areas: AreaCount[], now: Date): Promise<void> {
    const { digestSnapshots } = this.t;
    await this.q((db) =>
      db
        .insert(digestSnapshots)
        .values({ ...target, week, areas, takenAt: now.toISOString() })
        .onConflictDoNothing(),
    );
  }

  /** How many snapshots are stored, in every workspace. */
  async count(): Promise<number> {
    const { digestSnapshots } = this.t;
    const [row] = await this.q((db) => db.select({ n: count() }).from(digestSnapshots));
    return row?.n ?? 0;
  }

  /** Tasks marked done in [from, to), with who marked them. */
  completions(workspace: string, from: Date, to: Date): Promise<Completion[]> {
    const { auditEvents } = this.t;
    return this.q((db) =>
      db
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
        .orderBy(auditEvents.id),
    );
  }
}
