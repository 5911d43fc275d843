/** `restore <task>`: brings a removed task back. */
import { defineCommand } from "../src/app/command.js";
import { usageError } from "../src/errors.js";
import { changedTaskReply } from "./shared/change-replies.js";
import { changeTask } from "../src/tasks/change-task.js";
import { readTask } from "./shared/task-access.js";
import { today } from "./shared/today.js";

/** Restores a removed team task with its owner, due date and history. */
export const restoreCommand = defineCommand({
  name: "restore",
  summary: "Bring back a removed task",
  usage: "restore <task>",
  minRole: "lead",
  async run(ctx, args) {
    const task = await readTask(ctx, args, { removed: true });
    args.end();
    if (task.removedAt === null) throw usageError(`${task.id} was not removed.`);
    const updated = await changeTask(
      ctx,
      task,
      { removedAt: null },
      { action: "restored", oldValue: null, newValue: task.title },
    );
    return changedTaskReply(updated, `${task.id} restored`, today(ctx));
  },
});
