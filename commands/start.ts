/** `start <task> [note]`: mark a task as started. */
import { defineCommand } from "../src/core/command.js";
import { readTask } from "./shared/task-access.js";
import { setStatus } from "./shared/set-status.js";

/** Mark a task as started. */
export const startCommand = defineCommand({
  name: "start",
  summary: "Mark a task as started",
  usage: "start <task> [note]",
  minRole: "analyst",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    return setStatus(ctx, task, "in_progress", args.rest());
  },
});
