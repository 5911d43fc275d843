/** The Not relevant button on a training suggestion: never suggest that module to the clicker again. */
import { defineAction } from "../../src/app/command.js";
import { textReply } from "../../src/core/reply.js";
import { offeredModule } from "../shared/training-access.js";

/** Dismisses the module for good for the clicker, who must be the person it was suggested to. */
export const trainingDismissAction = defineAction({
  id: "training.dismiss",
  minRole: "analyst",
  async run(ctx, value) {
    const module = await offeredModule(ctx, value);
    await ctx.services.training.suppress(ctx.workspace, ctx.actor.id, module.id, "dismiss", null, ctx.now);
    return textReply(
      `Not relevant: I won't suggest ${module.title} to you again. `,
      { code: "trained " + module.id },
      " still records it if you take it.",
    );
  },
});
