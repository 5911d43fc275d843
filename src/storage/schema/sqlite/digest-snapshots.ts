/** What each conversation's weekly digest showed, so the next one can say what changed. */
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AreaCount } from "../../../digest/card.js";

/** One row per conversation per ISO week (in the subscription's timezone) a digest went out. */
export const digestSnapshots = sqliteTable(
  "digest_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspace: text("workspace").notNull(),
    platform: text("platform").notNull(),
    conversationId: text("conversation_id").notNull(),
    week: text("week").notNull(),
    areas: text("areas", { mode: "json" }).$type<AreaCount[]>().notNull(),
    takenAt: text("taken_at").notNull(),
  },
  (t) => [uniqueIndex("digest_snapshots_week").on(t.workspace, t.platform, t.conversationId, t.week)],
);
