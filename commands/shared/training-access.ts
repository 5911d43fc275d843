/** Finding a catalog module named by a command or a button, and checking a button's module was offered to the clicker. */
import type { CommandContext } from "../../src/core/command.js";
import { forbidden, usageError } from "../../src/errors.js";
import { findModule, type TrainingModule } from "../../src/training/catalog.js";

/** The module an id names, or a usage error listing every valid id. */
export function moduleById(ctx: CommandContext, word: string | undefined): TrainingModule {
  if (!word) throw usageError("Missing the module id; `train catalog` lists them.");
  const found = findModule(ctx.services.catalog, word);
  if (!found) {
    throw usageError(
      `"${word.slice(0, 60)}" is not a training module; use one of: ${ctx.services.catalog.modules.map((m) => m.id).join(", ")}.`,
    );
  }
  return found;
}

/**
 * For buttons: the value is only a module id and the clicker is the person acted for, so the
 * module must have been suggested to the clicker (by nudge or `train`); otherwise nothing changes.
 */
export async function offeredModule(ctx: CommandContext, value: string): Promise<TrainingModule> {
  const found = findModule(ctx.services.catalog, value);
  if (!found) throw usageError("That training module is no longer in the catalog; run `train` again.");
  if (!(await ctx.services.training.wasOffered(ctx.workspace, ctx.actor.id, found.id))) {
    throw forbidden("That suggestion was for someone else; `train` shows yours.");
  }
  return found;
}
