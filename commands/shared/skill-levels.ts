/** Reading `<skill> <level>` pairs from a command, all validated before anything is saved. */
import type { Args } from "../../src/core/args.js";
import type { CommandContext } from "../../src/app/command.js";
import { usageError } from "../../src/errors.js";
import { parseSkill } from "../../src/training/catalog.js";

/** Highest self-rating or requirement. */
export const MAX_LEVEL = 5;

/** Reads one or more `<skill> <level>` pairs (levels 0–5); a bad skill or level throws before any change. */
export function readLevels(ctx: CommandContext, args: Args): Map<string, number> {
  const levels = new Map<string, number>();
  if (args.done()) throw usageError("Missing a skill area and a level, like hunting 3.");
  while (!args.done()) {
    const skill = parseSkill(ctx.services.catalog, args.required("a skill area")).id;
    const word = args.next();
    if (word === undefined)
      throw usageError(`Missing the level for ${skill}; use a whole number from 0 to ${MAX_LEVEL}.`);
    if (!/^\d$/.test(word) || Number(word) > MAX_LEVEL)
      throw usageError(`"${word.slice(0, 20)}" is not a level; use a whole number from 0 to ${MAX_LEVEL}.`);
    levels.set(skill, Number(word));
  }
  return levels;
}

/** "hunting 3, identity 4" for confirmations. */
export function levelsText(levels: ReadonlyMap<string, number>): string {
  return [...levels].map(([skill, level]) => `${skill} ${level}`).join(", ");
}
