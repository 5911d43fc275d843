/** `rename <task> "<title>"`: a new title for one of the team's own tasks. */
import { defineCommand } from "../src/app/command.js";
import { usageError } from "../src/errors.js";
import { changedTaskReply } from "./shared/change-replies.js";
import { changeTask } from "../src/tasks/change-task.js";
import { readTask } from "./shared/task-access.js";
import { today } from "./shared/today.js";

/** Renames a team task; the plan's own tasks keep their titles. */
export const renameCommand = defineCommand({
  name: "rename",
  summary: "Rename one of your team's own tasks",
  usage: 'rename <task> "<title>"',
  minRole: "lead",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    const title = args.rest().trim();
    if (!task.custom) throw usageError(`${task.id} is the plan's; only tasks your team added can be renamed.`);
    if (title.length < 3 || title.length > 120) throw usageError("A title has 3 to 120 characters.");
    if (title === task.title) throw usageError(`${task.id} is already called "${title}".`);
    const updated = await changeTask(
      ctx,
      task,
      { title },
      { action: "renamed", oldValue: task.title, newValue: title },
    );
    return changedTaskReply(updated, `${task.id} renamed to "${title}"`, today(ctx));
  },
});
