/** `assign <task…|area> @person [due <date>]`: gives one task, several, or a whole area's open tasks an owner. */
import { defineCommand } from "../src/app/command.js";
import type { Reply } from "../src/core/reply.js";
import { shortDate } from "../src/domain/dates.js";
import type { Task } from "../src/domain/task.js";
import { bulkReply, changedTaskReply, leftAloneNote, tasksCount } from "./shared/change-replies.js";
import { changeTask } from "../src/tasks/change-task.js";
import { optionalDue } from "./shared/due-words.js";
import { assignForm } from "./shared/task-forms.js";
import { readTargets } from "./shared/task-targets.js";
import { today } from "./shared/today.js";

/** Assigns or reassigns tasks; with no arguments, opens the assign form where the platform has forms. */
export const assignCommand = defineCommand({
  name: "assign",
  summary: "Give tasks an owner, optionally with a due date",
  usage: "assign <task…|area> @person [due <date>]",
  minRole: "lead",
  details: [
    "One task: assign S1-2 @dana due friday. Several: assign S1-2 S1-3 S1-5 @dana by friday.",
    "A whole area's open tasks: assign S2 @dana due 2027-01-15 (done tasks are left alone).",
    "Dates: 2026-12-15, friday, next monday, in 2 weeks, end of month, next quarter (your timezone).",
    "The new owner gets a direct message in their working hours; the previous owner is told it moved.",
  ],
  async run(ctx, args): Promise<Reply> {
    if (args.done() && ctx.incoming.capabilities.forms) return await assignForm(ctx);
    const targets = await readTargets(ctx, args);
    const owner = await ctx.person(args.required("the person (@name)"));
    const dueInput = optionalDue(ctx, args);
    const due = dueInput?.date;
    const day = today(ctx);
    const changed: Task[] = [];
    const unchanged: string[] = [];
    for (const task of targets.tasks) {
      if (task.ownerId === owner.id && (!due || task.dueDate === due)) {
        unchanged.push(task.id);
        continue;
      }
      changed.push(
        await changeTask(
          ctx,
          task,
          { ownerId: owner.id, ...(due ? { dueDate: due } : {}) },
          { action: "assigned", oldValue: task.ownerName, newValue: owner.displayName + (due ? `, due ${due}` : "") },
        ),
      );
    }
    const when = due ? `, due ${shortDate(due, day)}` : "";
    const notes = [
      ...(dueInput?.note ? [dueInput.note] : []),
      ...leftAloneNote(targets.doneLeftAlone),
      ...(unchanged.length ? [`Already ${owner.displayName}'s: ${unchanged.join(", ")}.`] : []),
    ];
    const [only] = changed;
    if (!targets.byArea && targets.tasks.length === 1 && only)
      return changedTaskReply(only, `${only.id} → ${owner.displayName}${when}`, day, notes);
    return bulkReply(`Assigned ${tasksCount(changed.length)} to ${owner.displayName}${when}`, changed, notes);
  },
});
