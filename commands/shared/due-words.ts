/** Reads an optional trailing date clause: `due <date>`, `by <date>`, or a bare date after the person. */
import type { Args } from "../../src/core/args.js";
import type { CommandContext } from "../../src/app/command.js";
import { readDueDate, type DueInput } from "../../src/domain/due-input.js";
import { BotError, usageError } from "../../src/errors.js";

/** Reads a date the actor typed, in their timezone and date format. */
export function actorDue(ctx: CommandContext, text: string): DueInput {
  return readDueDate(text, ctx.actor, ctx.now);
}

/** If words remain, parses them as a date (after an optional due or by); else undefined. */
export function optionalDue(ctx: CommandContext, args: Args): DueInput | undefined {
  const word = args.peek();
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  if (lower === "due" || lower === "by") {
    args.next();
    return actorDue(ctx, args.rest());
  }
  const rest = args.rest();
  try {
    return actorDue(ctx, rest);
  } catch (err) {
    if (err instanceof BotError && /can't read/.test(err.message))
      throw usageError(`Unexpected "${rest.slice(0, 40)}"; a date goes after "due".`);
    throw err;
  }
}
