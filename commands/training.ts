/** `training on|off`: opt in to or out of the weekly training nudges. */
import { defineCommand } from "../src/app/command.js";
import { textReply } from "../src/core/reply.js";
import { usageError } from "../src/errors.js";

/** Turns the actor's weekly nudges off or back on; with no argument, says which it is. */
export const trainingCommand = defineCommand({
  name: "training",
  summary: "Turn your weekly training nudges off or on",
  usage: "training [on|off]",
  minRole: "analyst",
  async run(ctx, args) {
    const word = args.next()?.toLowerCase();
    args.end();
    if (word === undefined)
      return textReply(`Weekly training nudges are ${ctx.actor.trainingOptOut ? "off" : "on"} for you.`);
    if (word !== "on" && word !== "off") throw usageError(`"${word.slice(0, 20)}" is not on or off.`);
    const optOut = word === "off";
    await ctx.services.people.update(ctx.actor.id, { trainingOptOut: optOut });
    return optOut
      ? textReply(
          "Weekly training nudges are off. ",
          { code: "train" },
          " still suggests training when you ask; ",
          { code: "training on" },
          " turns them back on.",
        )
      : textReply("Weekly training nudges are on: at most one direct message a week, within your working hours.");
  },
});
