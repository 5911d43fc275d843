/** `unassign S1-2`: removes a task's owner. */
import { defineCommand } from "../src/app/command.js";
import { usageError } from "../src/errors.js";
import { changeTask } from "../src/tasks/change-task.js";
import { readTask } from "./shared/task-access.js";
import { changedTaskReply } from "./shared/change-replies.js";
import { today } from "./shared/today.js";

/** Clears the owner of a task. */
export const unassignCommand = defineCommand({
  name: "unassign",
  summary: "Remove a task's owner",
  usage: "unassign <task>",
  minRole: "lead",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    args.end();
    if (task.ownerId === null) throw usageError(`${task.id} has no owner.`);
    const updated = await changeTask(
      ctx,
      task,
      { ownerId: null },
      { action: "unassigned", oldValue: task.ownerName, newValue: null },
    );
    return changedTaskReply(updated, `${task.id} has no owner now (was ${task.ownerName ?? "nobody"})`, today(ctx));
  },
});
