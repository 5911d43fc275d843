/** Where the bot can speak: channels and personal chats it has seen, with the platform's reference. */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A conversation reference saved for proactive posts; inactive once the bot was removed. */
export const conversations = sqliteTable(
  "conversations",
  {
    workspace: text("workspace").notNull(),
    platform: text("platform").notNull(),
    id: text("id").notNull(),
    kind: text("kind", { enum: ["channel", "group", "personal"] }).notNull(),
    name: text("name"),
    personId: integer("person_id"),
    reference: text("reference", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.platform, t.id] })],
);
