/** `block <task> [note]`: mark a task as blocked, with the reason as a note. */
import { defineCommand } from "../src/core/command.js";
import { findTask } from "./shared/task-access.js";
import { setStatus } from "./shared/set-status.js";

/** Mark a task as blocked, with the reason as a note. */
export const blockCommand = defineCommand({
  name: "block",
  summary: "Mark a task as blocked, with the reason as a note",
  usage: "block <task> [note]",
  minRole: "analyst",
  async run(ctx, args) {
    const task = await findTask(ctx, args.next());
    return setStatus(ctx, task, "blocked", args.rest());
  },
});
