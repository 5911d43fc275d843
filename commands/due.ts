/** `due <task…|area> <date>`: sets or moves the due date of one task, several, or a whole area's open tasks. */
import { defineCommand } from "../src/app/command.js";
import { shortDate } from "../src/domain/dates.js";
import { actorDue } from "./shared/due-words.js";
import type { Task } from "../src/domain/task.js";
import { bulkReply, changedTaskReply, leftAloneNote, tasksCount } from "./shared/change-replies.js";
import { changeTask } from "../src/tasks/change-task.js";
import { requireTaskEditor } from "./shared/task-access.js";
import { readTargets } from "./shared/task-targets.js";
import { today } from "./shared/today.js";

/** Sets due dates; owners may move their own, leads any (and whole areas). */
export const dueCommand = defineCommand({
  name: "due",
  summary: "Set or move due dates",
  usage: "due <task…|area> <date>",
  minRole: "analyst",
  details: [
    "One task: due S1-2 friday. Several: due S1-2 S1-3 next monday. A whole area's open tasks: due S2 end of month.",
    "Dates: 2026-12-15, friday, next monday, in 2 weeks, end of month, next quarter (your timezone).",
  ],
  async run(ctx, args) {
    const targets = await readTargets(ctx, args);
    for (const task of targets.tasks) requireTaskEditor(ctx, task);
    const due = actorDue(ctx, args.rest());
    const date = due.date;
    const notes = due.note ? [due.note] : [];
    const day = today(ctx);
    const changed: Task[] = [];
    for (const task of targets.tasks) {
      if (task.dueDate === date) continue;
      changed.push(
        await changeTask(ctx, task, { dueDate: date }, { action: "due date", oldValue: task.dueDate, newValue: date }),
      );
    }
    const [only] = targets.tasks;
    if (!targets.byArea && targets.tasks.length === 1 && only && changed.length === 0)
      return changedTaskReply(only, `${only.id} is already due ${shortDate(date, day)}; nothing changed`, day, notes);
    if (!targets.byArea && targets.tasks.length === 1 && only) {
      const was = only.dueDate ? ` (was ${shortDate(only.dueDate, day)})` : "";
      const now = changed[0] ?? only;
      return changedTaskReply(now, `${only.id} due ${shortDate(date, day)}${was}`, day, notes);
    }
    return bulkReply(`Moved ${tasksCount(changed.length)} to ${shortDate(date, day)}`, changed, [
      ...notes,
      ...leftAloneNote(targets.doneLeftAlone),
    ]);
  },
});
