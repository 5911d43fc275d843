/** Due-date reminders already sent, so none is ever repeated. */
import { integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";

/** One reminder of one task's due-date cycle (task, due date, owner); `seq` numbers repeats of a kind. */
export const taskReminders = pgTable(
  "task_reminders",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workspace: text("workspace").notNull(),
    taskId: text("task_id").notNull(),
    dueDate: text("due_date").notNull(),
    ownerId: integer("owner_id").notNull(),
    kind: text("kind", { enum: ["before", "due", "overdue", "escalation"] }).notNull(),
    seq: integer("seq").notNull(),
    localDate: text("local_date").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [uniqueIndex("task_reminders_cycle").on(t.workspace, t.taskId, t.dueDate, t.ownerId, t.kind, t.seq)],
);
