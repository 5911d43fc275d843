/** `done <task> [note]`: mark a task as done. */
import { defineCommand } from "../src/core/command.js";
import { readTask } from "./shared/task-access.js";
import { setStatus } from "./shared/set-status.js";

/** Mark a task as done. */
export const doneCommand = defineCommand({
  name: "done",
  summary: "Mark a task as done",
  usage: "done <task> [note]",
  minRole: "analyst",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    return setStatus(ctx, task, "done", args.rest());
  },
});
