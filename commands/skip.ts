/** `skip <task> <reason>`: marks a task not applicable; it leaves its area's denominator until `unskip`. */
import { defineCommand } from "../src/app/command.js";
import { usageError } from "../src/errors.js";
import { changedTaskReply } from "./shared/change-replies.js";
import { changeTask } from "../src/tasks/change-task.js";
import { readTask } from "./shared/task-access.js";
import { today } from "./shared/today.js";

/** Marks a task not applicable, with the reason. */
export const skipCommand = defineCommand({
  name: "skip",
  summary: "Mark a task not applicable (it leaves the area's progress), with the reason",
  usage: "skip <task> <reason>",
  minRole: "lead",
  details: ["Example: skip S3-1 no OT estate. `unskip S3-1` counts it again."],
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    const reason = args.rest().trim();
    if (!reason) throw usageError(`Say why ${task.id} does not apply, like: skip ${task.id} no OT estate.`);
    if (reason.length > 200) throw usageError("The reason is longer than 200 characters.");
    if (task.skipReason !== null) throw usageError(`${task.id} is already skipped (${task.skipReason}).`);
    if (task.status === "done") throw usageError(`${task.id} is done; \`reopen ${task.id}\` first to skip it.`);
    const updated = await changeTask(
      ctx,
      task,
      { skipReason: reason },
      { action: "skipped", oldValue: null, newValue: reason },
    );
    return changedTaskReply(updated, `${task.id} skipped: ${reason}`, today(ctx));
  },
});
