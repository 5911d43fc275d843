/** `reopen <task> [note]`: reopen a task. */
import { defineCommand } from "../src/core/command.js";
import { readTask } from "./shared/task-access.js";
import { setStatus } from "./shared/set-status.js";

/** Reopen a task. */
export const reopenCommand = defineCommand({
  name: "reopen",
  summary: "Reopen a task",
  usage: "reopen <task> [note]",
  minRole: "analyst",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    return setStatus(ctx, task, "open", args.rest());
  },
});
