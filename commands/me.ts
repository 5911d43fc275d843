/** `me [timezone <zone>] [hours <HH-HH>]`: the asker's own settings, used for dates and reminders. */
import { defineCommand } from "../src/core/command.js";
import { cardReply } from "../src/core/reply.js";
import { isValidTimezone } from "../src/domain/dates.js";
import { usageError } from "../src/errors.js";

/** Shows or sets the actor's timezone and working hours. */
export const meCommand = defineCommand({
  name: "me",
  summary: "Show or set your timezone and working hours",
  usage: "me [timezone <Area/City>] [hours <HH-HH>]",
  minRole: "none",
  async run(ctx, args) {
    const change: { timezone?: string; workStartHour?: number; workEndHour?: number } = {};
    while (!args.done()) {
      const word = args.required("a setting").toLowerCase();
      if (word === "timezone") {
        const zone = args.required("the timezone, like Europe/Berlin");
        if (!isValidTimezone(zone))
          throw usageError(
            `"${zone.slice(0, 60)}" is not a timezone; use a name like Europe/Berlin or America/New_York.`,
          );
        change.timezone = zone;
      } else if (word === "hours") {
        const range = args.required("the hours, like 09-18");
        const match = /^(\d{1,2})-(\d{1,2})$/.exec(range);
        const start = Number(match?.[1]);
        const end = Number(match?.[2]);
        if (!match || start > 23 || end > 24 || start >= end)
          throw usageError(`"${range.slice(0, 20)}" is not a range of hours; use 09-18.`);
        change.workStartHour = start;
        change.workEndHour = end;
      } else {
        throw usageError(`"${word.slice(0, 40)}" is not a setting; use timezone or hours.`);
      }
    }
    if (Object.keys(change).length > 0) await ctx.services.people.update(ctx.actor.id, change);
    const me = { ...ctx.actor, ...change };
    return cardReply({
      title: `Settings for ${me.displayName}`,
      blocks: [
        {
          type: "facts",
          facts: [
            { label: "Role", value: me.role },
            { label: "Timezone", value: me.timezone },
            {
              label: "Working hours",
              value: `${String(me.workStartHour).padStart(2, "0")}:00–${String(me.workEndHour).padStart(2, "0")}:00`,
            },
          ],
        },
      ],
    });
  },
});
