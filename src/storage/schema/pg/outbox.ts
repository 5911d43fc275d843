/** Durable outgoing messages: written with the change that caused them, sent once by the dispatcher. */
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** One outgoing message; `key` makes enqueueing idempotent, `rootKey` names the message a reply or update belongs to. */
export const outbox = pgTable(
  "outbox",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    key: text("key").notNull().unique(),
    workspace: text("workspace").notNull(),
    platform: text("platform").notNull(),
    conversationId: text("conversation_id").notNull(),
    op: text("op", { enum: ["post", "reply", "update", "dm"] }).notNull(),
    rootKey: text("root_key"),
    reply: jsonb("reply").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastError: text("last_error"),
    messageId: text("message_id"),
    threadId: text("thread_id"),
    /** Where a sent item actually went: for `dm` the chat the platform opened, else `conversationId`. */
    deliveredConversationId: text("delivered_conversation_id"),
    /** When the current run of transient failures began; the dispatcher gives up after a day of them. */
    firstFailedAt: text("first_failed_at"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
  },
  (t) => [
    index("outbox_due").on(t.status, t.nextAttemptAt),
    index("outbox_lane").on(t.workspace, t.platform, t.conversationId, t.status),
  ],
);
