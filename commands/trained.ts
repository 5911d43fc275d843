/** `trained [<module id>]`: record a completed training module, or list the ones completed. */
import { defineCommand } from "../src/app/command.js";
import { cardReply } from "../src/core/reply.js";
import { moduleById } from "./shared/training-access.js";
import { recordCompletion } from "./shared/record-completion.js";

/** Records a completion for the actor; with no id, lists what they completed. */
export const trainedCommand = defineCommand({
  name: "trained",
  summary: "Record a training module you completed (or list them)",
  usage: "trained [<module id or title>]",
  minRole: "analyst",
  async run(ctx, args) {
    const typed = args.rest();
    if (typed) return recordCompletion(ctx, moduleById(ctx, typed));
    const done = await ctx.services.training.completed(ctx.workspace, ctx.actor.id);
    const items = ctx.services.catalog.modules
      .filter((m) => done.has(m.id))
      .map((m) => ({ label: m.title, detail: m.id }));
    return cardReply({
      title: "Training you completed",
      blocks: [{ type: "list", items, empty: "Nothing recorded yet; use trained <module id>." }],
    });
  },
});
