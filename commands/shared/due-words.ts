/** Reads an optional trailing `due <date>` clause. */
import type { Args } from "../../src/core/args.js";
import type { CommandContext } from "../../src/core/command.js";
import { parseDueDate } from "../../src/domain/dates.js";
import { usageError } from "../../src/errors.js";

/** If the next word is `due`, parses the rest as a date in the actor's timezone; else undefined. */
export function optionalDue(ctx: CommandContext, args: Args): string | undefined {
  const word = args.peek();
  if (word === undefined) return undefined;
  if (word.toLowerCase() !== "due") throw usageError(`Unexpected "${word.slice(0, 40)}"; a date goes after "due".`);
  args.next();
  return parseDueDate(args.rest(), ctx.actor.timezone, ctx.now);
}
