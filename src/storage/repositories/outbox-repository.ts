/**
 * The outbox: outgoing messages written in the same unit of work as the change that causes them
 * (the idempotency key makes a replayed change enqueue nothing new), and the dispatcher's reads and
 * writes as it sends them.
 */
import { and, asc, eq, lte, min } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import type { Reply } from "../../core/reply.js";
import type { Tables } from "../engine/types.js";
import { Repository } from "../handle.js";
import { storable } from "../text.js";
import type { ConversationKey } from "./conversation-repository.js";

/** One message to send later. */
export interface OutboxItem {
  /** Idempotency key, unique forever: e.g. `digest:slack:C123:2026-W48`. */
  key: string;
  workspace: string;
  platform: PlatformName;
  /** Channel or chat id; for `dm`, the recipient's platform user id. */
  conversationId: string;
  /** post: new message/thread root; reply: in the thread of `rootKey`; update: replace `rootKey`'s message; dm: one to one. */
  op: "post" | "reply" | "update" | "dm";
  rootKey?: string;
  reply: Reply;
  /** Earliest time to send (reminders within working hours); default now. */
  notBefore?: Date;
}

export type OutboxRow = Tables["outbox"]["$inferSelect"];

/** Where a sent message went and its platform ids. */
export interface DeliveredRef {
  messageId: string;
  threadId: string;
  conversationId: string;
}

export class OutboxRepository extends Repository {
  /** Inserts the item unless its key was enqueued before; true when it is new. */
  async enqueue(item: OutboxItem, now: Date): Promise<boolean> {
    if ((item.op === "reply" || item.op === "update") && !item.rootKey) {
      throw new Error(`outbox ${item.key}: ${item.op} needs rootKey`);
    }
    const { outbox } = this.t;
    const inserted = await this.q((db) =>
      db
        .insert(outbox)
        .values({
          key: item.key,
          workspace: item.workspace,
          platform: item.platform,
          conversationId: item.conversationId,
          op: item.op,
          rootKey: item.rootKey ?? null,
          reply: storable(item.reply),
          nextAttemptAt: (item.notBefore ?? now).toISOString(),
          createdAt: now.toISOString(),
        })
        .onConflictDoNothing({ target: outbox.key })
        .returning({ id: outbox.id }),
    );
    return inserted.length > 0;
  }

  /** The platform ids recorded for a sent item (e.g. a thread root), or undefined while unsent. */
  async sentRef(key: string): Promise<{ messageId: string; threadId: string } | undefined> {
    const row = await this.byKey(key);
    if (!row || row.status !== "sent" || !row.messageId) return undefined;
    return { messageId: row.messageId, threadId: row.threadId ?? row.messageId };
  }

  /** True when something was ever enqueued under `key`. */
  async hasKey(key: string): Promise<boolean> {
    return (await this.byKey(key)) !== undefined;
  }

  /** The row with an idempotency key. */
  async byKey(key: string): Promise<OutboxRow | undefined> {
    const { outbox } = this.t;
    const [row] = await this.q((db) => db.select().from(outbox).where(eq(outbox.key, key)));
    return row;
  }

  /** Every row in enqueue order, at most `limit` (for inspection and tests). */
  all(limit = 10_000): Promise<OutboxRow[]> {
    const { outbox } = this.t;
    return this.q((db) => db.select().from(outbox).orderBy(asc(outbox.id)).limit(limit));
  }

  /** Conversations with a pending row due by `now`, the one waiting longest first. */
  async dueLanes(now: Date, limit = 500): Promise<ConversationKey[]> {
    const { outbox } = this.t;
    const first = min(outbox.id);
    const rows = await this.q((db) =>
      db
        .select({ workspace: outbox.workspace, platform: outbox.platform, id: outbox.conversationId, first })
        .from(outbox)
        .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now.toISOString())))
        .groupBy(outbox.workspace, outbox.platform, outbox.conversationId)
        .orderBy(first)
        .limit(limit),
    );
    return rows.map((r) => ({ workspace: r.workspace, platform: r.platform as PlatformName, id: r.id }));
  }

  /** A conversation's pending rows in send order (id order). */
  pendingIn(lane: ConversationKey, limit = 500): Promise<OutboxRow[]> {
    const { outbox } = this.t;
    return this.q((db) =>
      db
        .select()
        .from(outbox)
        .where(and(this.inLane(lane), eq(outbox.status, "pending")))
        .orderBy(asc(outbox.id))
        .limit(limit),
    );
  }

  /** Records a successful send. */
  async markSent(row: OutboxRow, ref: DeliveredRef, now: Date): Promise<void> {
    await this.set(row, {
      status: "sent",
      attempts: row.attempts + 1,
      messageId: ref.messageId,
      threadId: ref.threadId,
      deliveredConversationId: ref.conversationId,
      sentAt: now.toISOString(),
      lastError: null,
    });
  }

  /** Schedules another attempt, remembering when the failures began. */
  async markRetry(row: OutboxRow, nextAttemptAt: Date, error: string, now: Date): Promise<void> {
    await this.set(row, {
      attempts: row.attempts + 1,
      nextAttemptAt: nextAttemptAt.toISOString(),
      lastError: error.slice(0, 500),
      firstFailedAt: row.firstFailedAt ?? now.toISOString(),
    });
  }

  /** Gives up on a row for good. */
  async markFailed(row: OutboxRow, error: string): Promise<void> {
    await this.set(row, { status: "failed", attempts: row.attempts + 1, lastError: error.slice(0, 500) });
  }

  /** Gives up on every pending row of a conversation (it is gone); returns how many. */
  async failPendingIn(lane: ConversationKey, error: string): Promise<number> {
    const { outbox } = this.t;
    const failed = await this.q((db) =>
      db
        .update(outbox)
        .set({ status: "failed", lastError: error.slice(0, 500) })
        .where(and(this.inLane(lane), eq(outbox.status, "pending")))
        .returning({ id: outbox.id }),
    );
    return failed.length;
  }

  /** Gives up on every pending row of a workspace (the app was uninstalled there); returns how many. */
  async failPendingInWorkspace(workspace: string, platform: PlatformName, error: string): Promise<number> {
    const { outbox } = this.t;
    const failed = await this.q((db) =>
      db
        .update(outbox)
        .set({ status: "failed", lastError: error.slice(0, 500) })
        .where(and(eq(outbox.workspace, workspace), eq(outbox.platform, platform), eq(outbox.status, "pending")))
        .returning({ id: outbox.id }),
    );
    return failed.length;
  }

  private async set(row: OutboxRow, change: Partial<OutboxRow>): Promise<void> {
    const { outbox } = this.t;
    await this.q((db) => db.update(outbox).set(change).where(eq(outbox.id, row.id)));
  }

  private inLane(lane: ConversationKey) {
    const { outbox } = this.t;
    return and(
      eq(outbox.workspace, lane.workspace),
      eq(outbox.platform, lane.platform),
      eq(outbox.conversationId, lane.id),
    );
  }
}
