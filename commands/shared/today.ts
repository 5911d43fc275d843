/** "Today" for the person asking, in their own timezone. */
import type { CommandContext } from "../../src/app/command.js";
import { todayIn } from "../../src/domain/dates.js";

/** The actor's local calendar date. */
export function today(ctx: CommandContext): string {
  return todayIn(ctx.actor.timezone, ctx.now);
}
