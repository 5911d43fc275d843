/**
 * Leases that let replicas share one database: a conversation's delivery lane belongs to one
 * dispatcher at a time, and the scheduled jobs to one process at a time. A claim is one conditional
 * upsert (take the row when it is free, expired or already ours), atomic on both engines.
 */
import { and, eq, sql } from "drizzle-orm";
import { Repository } from "../handle.js";
import type { ConversationKey } from "./conversation-repository.js";

export interface LeaseState {
  name: string;
  holder: string;
  expiresAt: string;
}

/** Access to delivery lanes and named leases. */
export class CoordinationRepository extends Repository {
  /** Takes or renews the lane for `holder` until `until`; false when another dispatcher holds it. */
  async claimLane(lane: ConversationKey, holder: string, now: Date, until: Date): Promise<boolean> {
    const { outboxLanes: l } = this.t;
    const claimed = await this.q((db) =>
      db
        .insert(l)
        .values({
          workspace: lane.workspace,
          platform: lane.platform,
          conversationId: lane.id,
          holder,
          leaseUntil: until.toISOString(),
        })
        .onConflictDoUpdate({
          target: [l.workspace, l.platform, l.conversationId],
          set: { holder, leaseUntil: until.toISOString() },
          setWhere: sql`${l.holder} = ${holder} or ${l.leaseUntil} < ${now.toISOString()}`,
        })
        .returning({ holder: l.holder }),
    );
    return claimed.length > 0;
  }

  /** Gives a lane back early (its queue is empty), so another dispatcher need not wait for the lease. */
  async releaseLane(lane: ConversationKey, holder: string): Promise<void> {
    const { outboxLanes: l } = this.t;
    await this.q((db) =>
      db
        .delete(l)
        .where(
          and(
            eq(l.workspace, lane.workspace),
            eq(l.platform, lane.platform),
            eq(l.conversationId, lane.id),
            eq(l.holder, holder),
          ),
        ),
    );
  }

  /** Takes or renews the named lease for `holder` until `until`; false when another process holds it. */
  async acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const { leases } = this.t;
    const at = now.toISOString();
    const claimed = await this.q((db) =>
      db
        .insert(leases)
        .values({ name, holder, acquiredAt: at, expiresAt: until.toISOString() })
        .onConflictDoUpdate({
          target: leases.name,
          set: {
            holder,
            expiresAt: until.toISOString(),
            acquiredAt: sql`case when ${leases.holder} = ${holder} then ${leases.acquiredAt} else ${at} end`,
          },
          setWhere: sql`${leases.holder} = ${holder} or ${leases.expiresAt} < ${at}`,
        })
        .returning({ name: leases.name }),
    );
    return claimed.length > 0;
  }

  /** Lets the lease go (at shutdown), so another process takes over at once. */
  async release(name: string, holder: string): Promise<void> {
    const { leases } = this.t;
    await this.q((db) => db.delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder))));
  }

  /** Who holds the lease now, if anyone. */
  async holderOf(name: string, now: Date): Promise<LeaseState | undefined> {
    const { leases } = this.t;
    const [row] = await this.q((db) =>
      db
        .select({ name: leases.name, holder: leases.holder, expiresAt: leases.expiresAt })
        .from(leases)
        .where(eq(leases.name, name)),
    );
    return row && row.expiresAt >= now.toISOString() ? row : undefined;
  }
}
