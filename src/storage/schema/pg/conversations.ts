/** Where the bot can speak: channels and personal chats it has seen, with the platform's reference. */
import { boolean, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** A conversation reference saved for proactive posts; inactive once the bot was removed. */
export const conversations = pgTable(
  "conversations",
  {
    workspace: text("workspace").notNull(),
    platform: text("platform").notNull(),
    id: text("id").notNull(),
    kind: text("kind", { enum: ["channel", "group", "personal"] }).notNull(),
    name: text("name"),
    personId: integer("person_id"),
    reference: jsonb("reference").$type<Record<string, unknown>>().notNull(),
    active: boolean("active").notNull().default(true),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.platform, t.id] })],
);
