/** `due S1-2 <date>`: sets or moves a task's due date. */
import { defineCommand } from "../src/core/command.js";
import { cardReply } from "../src/core/reply.js";
import { parseDueDate } from "../src/domain/dates.js";
import { changeTask } from "./shared/change-task.js";
import { findTask, requireTaskEditor } from "./shared/task-access.js";
import { taskCard } from "./shared/task-views.js";
import { today } from "./shared/today.js";

/** Sets a due date; owners may move their own, leads any. */
export const dueCommand = defineCommand({
  name: "due",
  summary: "Set or move a task's due date",
  usage: "due <task> <date>",
  minRole: "analyst",
  async run(ctx, args) {
    const task = findTask(ctx, args.next());
    requireTaskEditor(ctx, task);
    const date = parseDueDate(args.rest(), ctx.actor.timezone, ctx.now);
    const updated = await changeTask(
      ctx,
      task,
      { dueDate: date },
      { action: "due date", oldValue: task.dueDate, newValue: date },
    );
    return cardReply(taskCard(updated, today(ctx)), "conversation");
  },
});
