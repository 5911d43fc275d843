/** Reads an optional trailing date clause: `due <date>`, `by <date>`, or a bare date after the person. */
import type { Args } from "../../src/core/args.js";
import type { CommandContext } from "../../src/core/command.js";
import { parseDueDate } from "../../src/domain/dates.js";
import { BotError, usageError } from "../../src/errors.js";

/** If words remain, parses them as a date in the actor's timezone (after an optional due or by); else undefined. */
export function optionalDue(ctx: CommandContext, args: Args): string | undefined {
  const word = args.peek();
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  if (lower === "due" || lower === "by") {
    args.next();
    return parseDueDate(args.rest(), ctx.actor.timezone, ctx.now);
  }
  const rest = args.rest();
  try {
    return parseDueDate(rest, ctx.actor.timezone, ctx.now);
  } catch (err) {
    if (err instanceof BotError && /can't read/.test(err.message))
      throw usageError(`Unexpected "${rest.slice(0, 40)}"; a date goes after "due".`);
    throw err;
  }
}
