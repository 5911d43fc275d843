/** Remembers which incident threads were started in which conversation, so each gets one root, ever. */
import { and, eq } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import type { Db } from "../db.js";
import { incidentThreads } from "../schema/incidents.js";

/** A conversation an incident thread lives in. */
export interface ThreadTarget {
  workspace: string;
  platform: PlatformName;
  conversationId: string;
}

/** Access to incident threads. */
export class IncidentThreadRepository {
  constructor(private readonly db: Db) {}

  /** The root's outbox key when the incident already has a thread in that conversation. */
  rootKey(target: ThreadTarget, tenant: string, incidentId: string): string | undefined {
    return this.db
      .select({ rootKey: incidentThreads.rootKey })
      .from(incidentThreads)
      .where(
        and(
          eq(incidentThreads.platform, target.platform),
          eq(incidentThreads.conversationId, target.conversationId),
          eq(incidentThreads.tenant, tenant),
          eq(incidentThreads.incidentId, incidentId),
        ),
      )
      .get()?.rootKey;
  }

  /** Records a new thread; false when one existed (nothing changed). */
  add(target: ThreadTarget, tenant: string, incidentId: string, rootKey: string, now: Date): boolean {
    return (
      this.db
        .insert(incidentThreads)
        .values({ ...target, tenant, incidentId, rootKey, createdAt: now.toISOString() })
        .onConflictDoNothing()
        .run().changes > 0
    );
  }

  /** The incident ids that have a thread in the conversation. */
  incidentIds(target: ThreadTarget, tenant: string): Set<string> {
    const rows = this.db
      .select({ id: incidentThreads.incidentId })
      .from(incidentThreads)
      .where(
        and(
          eq(incidentThreads.platform, target.platform),
          eq(incidentThreads.conversationId, target.conversationId),
          eq(incidentThreads.tenant, tenant),
        ),
      )
      .all();
    return new Set(rows.map((r) => r.id));
  }
}
