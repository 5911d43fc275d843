/** Tasks that may need a due-date reminder, and the reminders already sent for them. */
import { and, isNull, eq, isNotNull, ne } from "drizzle-orm";
import type { Person } from "../../domain/person.js";
import type { ReminderKind, SentReminder } from "../../reminders/rules.js";
import type { Db } from "../db.js";
import { people } from "../schema/people.js";
import { taskReminders } from "../schema/task-reminders.js";
import { tasks } from "../schema/tasks.js";

/** An open task with an owner and a due date, across every workspace. */
export interface ReminderCandidate {
  workspace: string;
  taskId: string;
  title: string;
  dueDate: string;
  owner: Person;
}

/** One task's reminder cycle: a due date and an owner; a new date or owner starts a new cycle. */
export interface ReminderCycle {
  workspace: string;
  taskId: string;
  dueDate: string;
  ownerId: number;
}

/** Access to reminder state. */
export class ReminderRepository {
  constructor(private readonly db: Db) {}

  /** Every open task that has both an owner and a due date. */
  candidates(): ReminderCandidate[] {
    return this.db
      .select({
        workspace: tasks.workspace,
        taskId: tasks.id,
        title: tasks.title,
        dueDate: tasks.dueDate,
        owner: people,
      })
      .from(tasks)
      .innerJoin(people, eq(people.id, tasks.ownerId))
      .where(and(ne(tasks.status, "done"), isNotNull(tasks.dueDate), isNull(tasks.skipReason), isNull(tasks.removedAt)))
      .all()
      .map((r) => ({ ...r, dueDate: r.dueDate ?? "" }));
  }

  /** Reminders already sent in a cycle. */
  sent(c: ReminderCycle): SentReminder[] {
    return this.db
      .select({ kind: taskReminders.kind, localDate: taskReminders.localDate })
      .from(taskReminders)
      .where(
        and(
          eq(taskReminders.workspace, c.workspace),
          eq(taskReminders.taskId, c.taskId),
          eq(taskReminders.dueDate, c.dueDate),
          eq(taskReminders.ownerId, c.ownerId),
        ),
      )
      .all();
  }

  /** Records a reminder; the unique index refuses a repeat of the same kind and number. */
  record(c: ReminderCycle, kind: ReminderKind, seq: number, localDate: string, now: Date): void {
    this.db
      .insert(taskReminders)
      .values({ ...c, kind, seq, localDate, sentAt: now.toISOString() })
      .run();
  }
}
