/** Finding a catalog module named by a command or a button, and checking a button's module was offered to the clicker. */
import type { CommandContext } from "../../src/app/command.js";
import { forbidden, usageError } from "../../src/errors.js";
import { nearest } from "../../src/domain/suggest.js";
import { findModule, type TrainingModule } from "../../src/training/catalog.js";

/** The module an id or a title names (exactly, or a unique part of a title), or a usage error with the closest three. */
export function moduleById(ctx: CommandContext, word: string | undefined): TrainingModule {
  if (!word) throw usageError("Missing the module id or title; `train catalog` lists them.");
  const { modules } = ctx.services.catalog;
  const lower = word.trim().toLowerCase();
  const found =
    findModule(ctx.services.catalog, lower) ??
    modules.find((m) => m.title.toLowerCase() === lower) ??
    uniqueMatch(modules.filter((m) => lower.length >= 4 && m.title.toLowerCase().includes(lower)));
  if (found) return found;
  const byId = !/\s/.test(lower);
  const near = nearest(
    lower,
    modules.map((m) => (byId ? m.id : m.title)),
    3,
  );
  const shown = near.map((n) => modules.find((m) => m.id === n || m.title === n)).map((m) => `${m?.title} (${m?.id})`);
  throw usageError(
    `"${word.slice(0, 60)}" is not a training module; the closest: ${shown.join("; ")}. \`train catalog\` lists them all.`,
  );
}

function uniqueMatch(matches: TrainingModule[]): TrainingModule | undefined {
  return matches.length === 1 ? matches[0] : undefined;
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
