/** `task S1-2`: one task with its resources, history and buttons. */
import { defineCommand } from "../src/app/command.js";
import { cardReply } from "../src/core/reply.js";
import { readTask } from "./shared/task-access.js";
import { taskCard } from "./shared/task-views.js";
import { today } from "./shared/today.js";

/** Shows a task in full. */
export const taskCommand = defineCommand({
  name: "task",
  summary: "Show one task with its resources and history",
  usage: "task <id>",
  minRole: "analyst",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    args.end();
    const history = await ctx.services.audit.history(ctx.workspace, "task", task.id);
    return cardReply(taskCard(task, today(ctx), history));
  },
});
