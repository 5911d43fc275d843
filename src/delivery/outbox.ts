/**
 * Enqueueing outgoing messages. Call `enqueue` inside the same transaction as the change that
 * causes the message; the idempotency key makes a replayed change enqueue nothing new.
 */
import { eq } from "drizzle-orm";
import type { PlatformName } from "../core/incoming.js";
import type { Reply } from "../core/reply.js";
import type { Db } from "../storage/db.js";
import { outbox } from "../storage/schema/outbox.js";

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

/** Inserts the item unless its key was enqueued before; true when it is new. */
export function enqueue(db: Db, item: OutboxItem, now: Date): boolean {
  if ((item.op === "reply" || item.op === "update") && !item.rootKey)
    throw new Error(`outbox ${item.key}: ${item.op} needs rootKey`);
  const result = db
    .insert(outbox)
    .values({
      key: item.key,
      workspace: item.workspace,
      platform: item.platform,
      conversationId: item.conversationId,
      op: item.op,
      rootKey: item.rootKey ?? null,
      reply: item.reply,
      nextAttemptAt: (item.notBefore ?? now).toISOString(),
      createdAt: now.toISOString(),
    })
    .onConflictDoNothing({ target: outbox.key })
    .run();
  return result.changes > 0;
}

/** The platform ids recorded for a sent item (e.g. a thread root), or undefined while unsent. */
export function sentRef(db: Db, key: string): { messageId: string; threadId: string } | undefined {
  const row = db
    .select({ messageId: outbox.messageId, threadId: outbox.threadId, status: outbox.status })
    .from(outbox)
    .where(eq(outbox.key, key))
    .get();
  if (!row || row.status !== "sent" || !row.messageId) return undefined;
  return { messageId: row.messageId, threadId: row.threadId ?? row.messageId };
}
