/** What each conversation subscribed to (weekly digest, incident threads, …) and its settings. */
import { integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";

/** One subscription of one conversation to one kind of feed. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workspace: text("workspace").notNull(),
    platform: text("platform").notNull(),
    conversationId: text("conversation_id").notNull(),
    kind: text("kind").notNull(),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
    createdBy: integer("created_by"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("subscriptions_target_kind").on(t.workspace, t.platform, t.conversationId, t.kind)],
);
