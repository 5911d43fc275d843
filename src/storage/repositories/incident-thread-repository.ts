/** Remembers which incident threads were started in which conversation, so each gets one root, ever. */
import { and, eq, inArray } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import { Repository } from "../handle.js";

/** A conversation an incident thread lives in. */
export interface ThreadTarget {
  workspace: string;
  platform: PlatformName;
  conversationId: string;
}

export class IncidentThreadRepository extends Repository {
  /** The root's outbox key when the incident already has a thread in that conversation. */
  async rootKey(target: ThreadTarget, tenant: string, incidentId: string): Promise<string | undefined> {
    const { incidentThreads } = this.t;
    const [row] = await this.q((db) =>
      db
        .select({ rootKey: incidentThreads.rootKey })
        .from(incidentThreads)
        .where(and(this.in(target), eq(incidentThreads.tenant, tenant), eq(incidentThreads.incidentId, incidentId))),
    );
    return row?.rootKey;
  }

  /** The root keys of those of `incidentIds` that have a thread in the conversation, in one query. */
  async rootKeys(target: ThreadTarget, tenant: string, incidentIds: readonly string[]): Promise<Map<string, string>> {
    const { incidentThreads } = this.t;
    if (incidentIds.length === 0) return new Map();
    const rows = await this.q((db) =>
      db
        .select({ id: incidentThreads.incidentId, rootKey: incidentThreads.rootKey })
        .from(incidentThreads)
        .where(
          and(
            this.in(target),
            eq(incidentThreads.tenant, tenant),
            inArray(incidentThreads.incidentId, [...incidentIds]),
          ),
        ),
    );
    return new Map(rows.map((r) => [r.id, r.rootKey]));
  }

  /** Records a new thread; false when one existed (nothing changed). */
  async add(target: ThreadTarget, tenant: string, incidentId: string, rootKey: string, now: Date): Promise<boolean> {
    const { incidentThreads } = this.t;
    const inserted = await this.q((db) =>
      db
        .insert(incidentThreads)
        .values({ ...target, tenant, incidentId, rootKey, createdAt: now.toISOString() })
        .onConflictDoNothing()
        .returning({ rootKey: incidentThreads.rootKey }),
    );
    return inserted.length > 0;
  }

  /** The incident ids that have a thread in the conversation. */
  async incidentIds(target: ThreadTarget, tenant: string): Promise<Set<string>> {
    const { incidentThreads } = this.t;
    const rows = await this.q((db) =>
      db
        .select({ id: incidentThreads.incidentId })
        .from(incidentThreads)
        .where(and(this.in(target), eq(incidentThreads.tenant, tenant))),
    );
    return new Set(rows.map((r) => r.id));
  }

  private in(target: ThreadTarget) {
    const { incidentThreads } = this.t;
    return and(
      eq(incidentThreads.workspace, target.workspace),
      eq(incidentThreads.platform, target.platform),
      eq(incidentThreads.conversationId, target.conversationId),
    );
  }
}
