/** `assign S1-2 @person [due <date>]`: gives a task an owner (and a due date). */
import { defineCommand } from "../src/core/command.js";
import { cardReply, type Reply } from "../src/core/reply.js";
import { changeTask } from "./shared/change-task.js";
import { optionalDue } from "./shared/due-words.js";
import { assignForm } from "./shared/task-forms.js";
import { findTask } from "./shared/task-access.js";
import { taskCard } from "./shared/task-views.js";
import { today } from "./shared/today.js";

/** Assigns or reassigns a task; with no arguments, opens the assign form where the platform has forms. */
export const assignCommand = defineCommand({
  name: "assign",
  summary: "Give a task an owner, optionally with a due date",
  usage: "assign <task> @person [due <date>]",
  minRole: "lead",
  details: ["Dates: 2026-12-15, friday, next monday, in 2 weeks, end of month (your timezone)."],
  async run(ctx, args): Promise<Reply> {
    if (args.done() && ctx.incoming.capabilities.forms) return assignForm(ctx);
    const task = findTask(ctx, args.next());
    const owner = ctx.person(args.required("the person (@name)"));
    const due = optionalDue(ctx, args);
    const updated = await changeTask(
      ctx,
      task,
      { ownerId: owner.id, ...(due ? { dueDate: due } : {}) },
      { action: "assigned", oldValue: task.ownerName, newValue: owner.displayName + (due ? `, due ${due}` : "") },
    );
    return cardReply(taskCard(updated, today(ctx)), "conversation");
  },
});
