/** Recording a completed module, shared by `trained` and the Done button. */
import type { CommandContext } from "../../src/app/command.js";
import { textReply, type Reply } from "../../src/core/reply.js";
import type { TrainingModule } from "../../src/training/catalog.js";

/** Saves the completion for the actor (idempotent) and says so. */
export async function recordCompletion(ctx: CommandContext, module: TrainingModule): Promise<Reply> {
  const fresh = await ctx.services.training.complete(ctx.workspace, ctx.actor.id, module.id, ctx.now);
  if (!fresh) return textReply(`You already completed ${module.title}; nothing changed.`);
  return textReply(`Recorded: you completed ${module.title}. `, { code: "train" }, " shows what's next.");
}
