/** People the bot knows, per workspace, with their role, timezone and working hours. */
import { sql } from "drizzle-orm";
import { boolean, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";

/** One row per person per workspace; the platform user id is the identity the platform vouches for. */
export const people = pgTable(
  "people",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
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
    trainingOptOut: boolean("training_opt_out").notNull().default(false),
    /** Which task notices reach the person: all, important (assigned, blocked/reopened by others, overdue) or none. */
    notify: text("notify", { enum: ["all", "important", "none"] })
      .notNull()
      .default("all"),
    /** How the person reads an ambiguous numeric date like 01/02: day first, month first, or ask (null). */
    dateFormat: text("date_format", { enum: ["dmy", "mdy"] }),
    createdAt: text("created_at")
      .notNull()
      .default(sql`to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
  },
  (t) => [uniqueIndex("people_workspace_user").on(t.workspace, t.platformUserId)],
);
