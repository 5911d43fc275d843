/** `block <task> <reason>`: mark a task as blocked, with the reason; the leads hear about it. */
import { defineCommand } from "../src/core/command.js";
import { readTask } from "./shared/task-access.js";
import { setStatus } from "./shared/set-status.js";

/** Mark a task as blocked, with the reason as a note. */
export const blockCommand = defineCommand({
  name: "block",
  summary: "Mark a task as blocked, with the reason; the leads are told",
  usage: "block <task> <reason>",
  minRole: "analyst",
  async run(ctx, args) {
    const task = await readTask(ctx, args);
    return setStatus(ctx, task, "blocked", args.rest());
  },
});
