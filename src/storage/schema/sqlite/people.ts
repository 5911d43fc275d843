/** People the bot knows, per workspace, with their role, timezone and working hours. */
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** One row per person per workspace; the platform user id is the identity the platform vouches for. */
export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspace: text("workspace").notNull(),
    platformUserId: text("platform_user_id").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    role: text("role", { enum: ["admin", "lead", "analyst", "none"] })
      .notNull()
      .default("none"),
    timezone: text("timezone").notNull().default("UTC"),
    workStartHour: integer("work_start_hour").notNull().default(9),
    workEndHour: integer("work_end_hour").notNull().default(18),
    trainingOptOut: integer("training_opt_out", { mode: "boolean" }).notNull().default(false),
    /** Which task notices reach the person: all, important (assigned, blocked/reopened by others, overdue) or none. */
    notify: text("notify", { enum: ["all", "important", "none"] })
      .notNull()
      .default("all"),
    /** How the person reads an ambiguous numeric date like 01/02: day first, month first, or ask (null). */
    dateFormat: text("date_format", { enum: ["dmy", "mdy"] }),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex("people_workspace_user").on(t.workspace, t.platformUserId)],
);
