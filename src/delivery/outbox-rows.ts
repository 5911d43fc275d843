/** The dispatcher's reads and writes on the outbox table. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../storage/db.js";
import { outbox } from "../storage/schema/outbox.js";

/** One stored outbox row. */
export type OutboxRow = typeof outbox.$inferSelect;

/** Where a sent message went and its platform ids. */
export interface DeliveredRef {
  messageId: string;
  threadId: string;
  conversationId: string;
}

/** Pending rows, oldest first (id order is send order within a conversation). */
export function pendingRows(db: Db, limit = 5000): OutboxRow[] {
  return db.select().from(outbox).where(eq(outbox.status, "pending")).orderBy(asc(outbox.id)).limit(limit).all();
}

/** The row with an idempotency key. */
export function rowByKey(db: Db, key: string): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.key, key)).get();
}

/** True when something was ever enqueued under `key`. */
export function hasKey(db: Db, key: string): boolean {
  return db.select({ id: outbox.id }).from(outbox).where(eq(outbox.key, key)).get() !== undefined;
}

/** Records a successful send. */
export function markSent(db: Db, row: OutboxRow, ref: DeliveredRef, now: Date): void {
  db.update(outbox)
    .set({
      status: "sent",
      attempts: row.attempts + 1,
      messageId: ref.messageId,
      threadId: ref.threadId,
      deliveredConversationId: ref.conversationId,
      sentAt: now.toISOString(),
      lastError: null,
    })
    .where(eq(outbox.id, row.id))
    .run();
}

/** Schedules another attempt, remembering when the failures began. */
export function markRetry(db: Db, row: OutboxRow, nextAttemptAt: Date, error: string, now: Date): void {
  db.update(outbox)
    .set({
      attempts: row.attempts + 1,
      nextAttemptAt: nextAttemptAt.toISOString(),
      lastError: error.slice(0, 500),
      firstFailedAt: row.firstFailedAt ?? now.toISOString(),
    })
    .where(eq(outbox.id, row.id))
    .run();
}

/** Gives up on a row for good. */
export function markFailed(db: Db, row: OutboxRow, error: string): void {
  db.update(outbox)
    .set({ status: "failed", attempts: row.attempts + 1, lastError: error.slice(0, 500) })
    .where(eq(outbox.id, row.id))
    .run();
}

/** Gives up on every pending row of a conversation (it is gone); returns how many. */
export function failPendingIn(db: Db, platform: string, conversationId: string, error: string): number {
  return db
    .update(outbox)
    .set({ status: "failed", lastError: error.slice(0, 500) })
    .where(and(eq(outbox.status, "pending"), eq(outbox.platform, platform), eq(outbox.conversationId, conversationId)))
    .run().changes;
}
