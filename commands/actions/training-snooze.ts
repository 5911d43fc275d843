/** The Not now button on a training suggestion: hides it from the clicker for two weeks. */
import { defineAction } from "../../src/app/command.js";
import { textReply } from "../../src/core/reply.js";
import { SNOOZE_DAYS } from "../../src/training/suggestion-card.js";
import { offeredModule } from "../shared/training-access.js";

/** Snoozes the module for the clicker, who must be the person it was suggested to. */
export const trainingSnoozeAction = defineAction({
  id: "training.snooze",
  minRole: "analyst",
  async run(ctx, value) {
    const module = await offeredModule(ctx, value);
    const until = new Date(ctx.now.getTime() + SNOOZE_DAYS * 86_400_000);
    await ctx.services.training.suppress(ctx.workspace, ctx.actor.id, module.id, "snooze", until, ctx.now);
    return textReply(`Not now: I won't suggest ${module.title} again before ${until.toISOString().slice(0, 10)}.`);
  },
});
