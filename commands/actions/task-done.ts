/** The Done button on a task card or reminder. */
import { defineAction } from "../../src/app/command.js";
import { findTask } from "../shared/task-access.js";
import { setStatus } from "../shared/set-status.js";

/** Completes the task named by the button; the clicker must own it or lead. */
export const taskDoneAction = defineAction({
  id: "task.done",
  minRole: "analyst",
  run: async (ctx, value) => setStatus(ctx, await findTask(ctx, value), "done", ""),
});
