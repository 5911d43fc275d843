/** `me [timezone <zone>] [hours <HH-HH>] [notify all|important|none] [dateformat dmy|mdy|ask]`: the asker's own settings. */
import type { Args } from "../src/core/args.js";
import { defineCommand } from "../src/app/command.js";
import { cardReply } from "../src/core/reply.js";
import { canonicalTimezone } from "../src/domain/dates.js";
import { NOTIFY_LEVELS, type Person } from "../src/domain/person.js";
import { usageError } from "../src/errors.js";

type Settings = Partial<Pick<Person, "timezone" | "workStartHour" | "workEndHour" | "notify" | "dateFormat">>;

const NOTIFY_WORDS: Record<Person["notify"], string> = {
  all: "all task notices",
  important: "important only (assigned to you, your task blocked or reopened by someone else, overdue)",
  none: "none",
};

function readSetting(word: string, args: Args, change: Settings): void {
  if (word === "timezone") {
    const zone = args.required("the timezone, like Europe/Berlin");
    const canonical = canonicalTimezone(zone);
    if (!canonical)
      throw usageError(`"${zone.slice(0, 60)}" is not a timezone; use a name like Europe/Berlin or America/New_York.`);
    change.timezone = canonical;
  } else if (word === "hours") {
    const range = args.required("the hours, like 09-18");
    const match = /^(\d{1,2})-(\d{1,2})$/.exec(range);
    const start = Number(match?.[1]);
    const end = Number(match?.[2]);
    if (!match || start > 23 || end > 24 || start >= end)
      throw usageError(`"${range.slice(0, 20)}" is not a range of hours; use 09-18.`);
    change.workStartHour = start;
    change.workEndHour = end;
  } else if (word === "notify") {
    const level = args.required("all, important or none").toLowerCase();
    const known = NOTIFY_LEVELS.find((l) => l === level);
    if (!known) throw usageError(`"${level.slice(0, 20)}" is not a notify level; use all, important or none.`);
    change.notify = known;
  } else if (word === "dateformat") {
    const order = args.required("dmy, mdy or ask").toLowerCase();
    if (order !== "dmy" && order !== "mdy" && order !== "ask")
      throw usageError(`"${order.slice(0, 20)}" is not a date format; use dmy (31/12), mdy (12/31) or ask.`);
    change.dateFormat = order === "ask" ? null : order;
  } else {
    throw usageError(`"${word.slice(0, 40)}" is not a setting; use timezone, hours, notify or dateformat.`);
  }
}

/** Shows or sets the actor's timezone, working hours, notices and date format; a no-op change writes nothing. */
export const meCommand = defineCommand({
  name: "me",
  summary: "Show or set your timezone, working hours, notices and date format",
  usage: "me [timezone <Area/City>] [hours <HH-HH>] [notify all|important|none] [dateformat dmy|mdy|ask]",
  minRole: "none",
  details: [
    "notify: which task notices you get by direct message, always in your working hours.",
    "  all: every change to your tasks; important: assigned to you, your task blocked or reopened by someone else, overdue.",
    "dateformat: how to read 01/02 (dmy: 1 February, mdy: January 2); ask refuses such dates.",
  ],
  async run(ctx, args) {
    const change: Settings = {};
    while (!args.done()) readSetting(args.required("a setting").toLowerCase(), args, change);
    const actual = Object.fromEntries(
      Object.entries(change).filter(([key, value]) => ctx.actor[key as keyof Settings] !== value),
    ) as Settings;
    if (Object.keys(actual).length > 0) await ctx.services.people.update(ctx.actor.id, actual);
    const me = { ...ctx.actor, ...actual };
    const hours = `${String(me.workStartHour).padStart(2, "0")}:00–${String(me.workEndHour).padStart(2, "0")}:00`;
    const unchanged = Object.keys(change).length > 0 && Object.keys(actual).length === 0;
    return cardReply({
      title: `Settings for ${me.displayName}${unchanged ? " (nothing changed)" : ""}`,
      blocks: [
        {
          type: "facts",
          facts: [
            { label: "Role", value: me.role },
            { label: "Timezone", value: me.timezone },
            { label: "Working hours", value: hours },
            { label: "Notices", value: NOTIFY_WORDS[me.notify] },
            { label: "Dates like 01/02", value: me.dateFormat ?? "asked (set me dateformat dmy or mdy)" },
          ],
        },
      ],
    });
  },
});
