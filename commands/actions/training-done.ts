/** The Done button on a training suggestion: records the completion for the clicker. */
import { defineAction } from "../../src/app/command.js";
import { recordCompletion } from "../shared/record-completion.js";
import { offeredModule } from "../shared/training-access.js";

/** Completes the module for the clicker, who must be the person it was suggested to. */
export const trainingDoneAction = defineAction({
  id: "training.done",
  minRole: "analyst",
  run: async (ctx, value) => recordCompletion(ctx, await offeredModule(ctx, value)),
});
