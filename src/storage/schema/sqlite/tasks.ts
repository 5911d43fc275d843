/** Adoption-plan tasks per workspace: the shipped plan's tasks plus a team's own. */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { people } from "./people.js";

/** A task's state; the plan's titles and resources are copied in when the workspace is seeded. */
export const tasks = sqliteTable(
  "tasks",
  {
    workspace: text("workspace").notNull(),
    id: text("id").notNull(),
    area: text("area").notNull(),
    objective: text("objective").notNull(),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    resources: text("resources", { mode: "json" }).$type<{ title: string; url: string }[]>().notNull(),
    position: integer("position").notNull(),
    custom: integer("custom", { mode: "boolean" }).notNull().default(false),
    ownerId: integer("owner_id").references(() => people.id),
    dueDate: text("due_date"),
    status: text("status", { enum: ["open", "in_progress", "blocked", "done"] })
      .notNull()
      .default("open"),
    updatedAt: text("updated_at").notNull(),
    completedAt: text("completed_at"),
    /** Why the task is blocked and since when (set by `block`, cleared when it moves on). */
    blockedReason: text("blocked_reason"),
    blockedAt: text("blocked_at"),
    /** Set when the team marked the task not applicable (`skip`): it leaves the area's denominator. */
    skipReason: text("skip_reason"),
    /** Set when the team removed its own task; the row and its history stay (`restore` brings it back). */
    removedAt: text("removed_at"),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.id] })],
);
