/** Submission of the assign form (modal or input card). */
import { defineAction } from "../../src/app/command.js";
import { shortDate } from "../../src/domain/dates.js";
import { actorDue } from "../shared/due-words.js";
import { changeTask } from "../../src/tasks/change-task.js";
import { findTask } from "../shared/task-access.js";
import { requireOpenWork } from "../shared/task-targets.js";
import { changedTaskReply } from "../shared/change-replies.js";
import { today } from "../shared/today.js";

/** Applies task, owner and due date from the form, with the same checks as `assign`. */
export const taskAssignAction = defineAction({
  id: "task.assign",
  minRole: "lead",
  async run(ctx, _value, inputs) {
    const task = await findTask(ctx, inputs.task);
    requireOpenWork(task);
    const owner = await ctx.person(inputs.owner ?? "");
    const due = inputs.due ? actorDue(ctx, inputs.due).date : undefined;
    const updated = await changeTask(
      ctx,
      task,
      { ownerId: owner.id, ...(due ? { dueDate: due } : {}) },
      {
        action: "assigned",
        oldValue: task.ownerName,
        newValue: owner.displayName + (due ? `, due ${due}` : ""),
      },
    );
    return changedTaskReply(
      updated,
      `${task.id} → ${owner.displayName}${due ? `, due ${shortDate(due, today(ctx))}` : ""}`,
      today(ctx),
    );
  },
});
