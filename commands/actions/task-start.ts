/** The Start button on a task card. */
import { defineAction } from "../../src/app/command.js";
import { findTask } from "../shared/task-access.js";
import { setStatus } from "../shared/set-status.js";

/** Starts the task named by the button; the clicker must own it or lead. */
export const taskStartAction = defineAction({
  id: "task.start",
  minRole: "analyst",
  run: async (ctx, value) => setStatus(ctx, await findTask(ctx, value), "in_progress", ""),
});
