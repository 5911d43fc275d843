/** What each conversation's weekly digest showed, so the next one can say what changed. */
import { integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { AreaCount } from "../../../digest/card.js";

/** One row per conversation per ISO week (in the subscription's timezone) a digest went out. */
export const digestSnapshots = pgTable(
  "digest_snapshots",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workspace: text("workspace").notNull(),
    platform: text("platform").notNull(),
    conversationId: text("conversation_id").notNull(),
    week: text("week").notNull(),
    areas: jsonb("areas").$type<AreaCount[]>().notNull(),
    takenAt: text("taken_at").notNull(),
  },
  (t) => [uniqueIndex("digest_snapshots_week").on(t.workspace, t.platform, t.conversationId, t.week)],
);
