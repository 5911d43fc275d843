/** The Snooze button: moves the due date a week later. */
import { defineAction } from "../../src/app/command.js";
import { addDays, shortDate } from "../../src/domain/dates.js";
import { usageError } from "../../src/errors.js";
import { changeTask } from "../../src/tasks/change-task.js";
import { findTask, requireTaskEditor } from "../shared/task-access.js";
import { changedTaskReply } from "../shared/change-replies.js";
import { today } from "../shared/today.js";

/** Pushes the due date back 7 days (from today if it already passed). */
export const taskSnoozeAction = defineAction({
  id: "task.snooze",
  minRole: "analyst",
  async run(ctx, value) {
    const task = await findTask(ctx, value);
    requireTaskEditor(ctx, task);
    if (task.status === "done") throw usageError(`${task.id} is done; there is nothing to snooze.`);
    const base = task.dueDate && task.dueDate > today(ctx) ? task.dueDate : today(ctx);
    const due = addDays(base, 7);
    const updated = await changeTask(
      ctx,
      task,
      { dueDate: due },
      { action: "snoozed", oldValue: task.dueDate, newValue: due },
    );
    return changedTaskReply(updated, `${task.id} snoozed to ${shortDate(due, today(ctx))}`, today(ctx));
  },
});
