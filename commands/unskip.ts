/** `unskip <task>`: counts a skipped task again. */
import { defineCommand } from "../src/app/command.js";
import { usageError } from "../src/errors.js";
import { changedTaskReply } from "./shared/change-replies.js";
import { changeTask } from "../src/tasks/change-task.js";
import { readTask } from "./shared/task-access.js";
import { today } from "./shared/today.js";

/** Returns a skipped task to its area's progress. */
export const unskipCommand = defineCommand({
  name: "unskip",
  summary: "Count a skipped task again",
  usage: "unskip <task>",
  minRole: "lead",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    args.end();
    if (task.skipReason === null) throw usageError(`${task.id} is not skipped.`);
    const updated = await changeTask(
      ctx,
      task,
      { skipReason: null },
      { action: "unskipped", oldValue: task.skipReason, newValue: null },
    );
    return changedTaskReply(updated, `${task.id} counts again`, today(ctx));
  },
});
