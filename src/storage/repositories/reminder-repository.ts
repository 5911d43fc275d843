/** Tasks that may need a due-date reminder, and the reminders already sent for them. */
import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { Person } from "../../domain/person.js";
import type { ReminderKind, SentReminder } from "../../reminders/rules.js";
import { Repository } from "../handle.js";

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

export class ReminderRepository extends Repository {
  /** Every open task that has both an owner and a due date. */
  async candidates(): Promise<ReminderCandidate[]> {
    const { tasks, people } = this.t;
    const rows = await this.q((db) =>
      db
        .select({
          workspace: tasks.workspace,
          taskId: tasks.id,
          title: tasks.title,
          dueDate: tasks.dueDate,
          owner: people,
        })
        .from(tasks)
        .innerJoin(people, eq(people.id, tasks.ownerId))
        .where(
          and(ne(tasks.status, "done"), isNotNull(tasks.dueDate), isNull(tasks.skipReason), isNull(tasks.removedAt)),
        )
        .orderBy(tasks.workspace, tasks.area, tasks.position),
    );
    return rows.map((r) => ({ ...r, dueDate: r.dueDate ?? "" }));
  }

  /** Reminders already sent in a cycle. */
  sent(c: ReminderCycle): Promise<SentReminder[]> {
    const { taskReminders: r } = this.t;
    return this.q((db) =>
      db
        .select({ kind: r.kind, localDate: r.localDate })
        .from(r)
        .where(
          and(eq(r.workspace, c.workspace), eq(r.taskId, c.taskId), eq(r.dueDate, c.dueDate), eq(r.ownerId, c.ownerId)),
        )
        .orderBy(r.id),
    );
  }

  /** Records a reminder; the unique index refuses a repeat of the same kind and number. */
  async record(c: ReminderCycle, kind: ReminderKind, seq: number, localDate: string, now: Date): Promise<void> {
    const { taskReminders } = this.t;
    await this.q((db) => db.insert(taskReminders).values({ ...c, kind, seq, localDate, sentAt: now.toISOString() }));
  }
}
