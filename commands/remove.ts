/** `remove <task>`: takes one of the team's own tasks out of every list; its history stays and `restore` brings it back. */
import { defineCommand } from "../src/app/command.js";
import { textReply } from "../src/core/reply.js";
import { usageError } from "../src/errors.js";
import { changeTask } from "../src/tasks/change-task.js";
import { readTask } from "./shared/task-access.js";

/** Removes a team task (the plan's tasks are skipped instead). */
export const removeCommand = defineCommand({
  name: "remove",
  summary: "Remove one of your team's own tasks (restore brings it back)",
  usage: "remove <task>",
  minRole: "lead",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    args.end();
    if (!task.custom)
      throw usageError(`${task.id} is the plan's; \`skip ${task.id} <reason>\` marks it not applicable instead.`);
    await changeTask(
      ctx,
      task,
      { removedAt: ctx.now.toISOString() },
      { action: "removed", oldValue: task.title, newValue: null },
    );
    return textReply(
      `${task.id} removed; its history stays. `,
      { code: "tasks removed" },
      " lists removed tasks, ",
      { code: `restore ${task.id}` },
      " brings it back.",
    );
  },
});
