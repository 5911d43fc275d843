/** The `digest` feed: `subscribe digest [weekly <day> <HH:MM>] [<timezone>]` (default Monday 09:00, your timezone). */
import { DateTime } from "luxon";
import type { Args } from "../../src/core/args.js";
import type { CommandContext } from "../../src/app/command.js";
import {
  DEFAULT_DAY,
  DEFAULT_HOUR,
  describeSchedule,
  digestScheduleSchema,
  isSchedulableTimezone,
  nextOccurrence,
  parseClock,
  parseWeekday,
  type DigestSchedule,
} from "../../src/digest/schedule.js";
import { usageError } from "../../src/errors.js";
import type { SubscriptionKind } from "./kind.js";

function readWhen(args: Args): { day: number; hour: number; minute: number } | undefined {
  const first = args.peek()?.toLowerCase();
  if (first === undefined || (first !== "weekly" && parseWeekday(first) === undefined)) return undefined;
  if (first === "weekly") args.next();
  const dayWord = args.required("the day, like monday");
  const day = parseWeekday(dayWord);
  if (day === undefined) throw usageError(`"${dayWord.slice(0, 20)}" is not a day of the week; use monday … sunday.`);
  const timeWord = args.required("the time, like 09:00");
  const time = parseClock(timeWord);
  if (!time) throw usageError(`"${timeWord.slice(0, 20)}" is not a time of day; use HH:MM from 00:00 to 23:59.`);
  return { day, ...time };
}

/** The weekly digest subscription kind. */
export const digestKind: SubscriptionKind = {
  name: "digest",
  usage: "[weekly <day> <HH:MM>] [<timezone>]",
  minRole: "lead",
  async parse(ctx: CommandContext, args: Args) {
    const { conversation } = ctx.incoming;
    if (
      await ctx.services.conversations.isInactive({
        workspace: ctx.workspace,
        platform: conversation.platform,
        id: conversation.id,
      })
    ) {
      throw usageError(
        "I can no longer post in this conversation (the bot was removed or it was archived); add the bot back, then subscribe.",
      );
    }
    const when = readWhen(args) ?? { day: DEFAULT_DAY, hour: DEFAULT_HOUR, minute: 0 };
    const zoneWord = args.next();
    const timezone = zoneWord ?? ctx.actor.timezone;
    if (!isSchedulableTimezone(timezone))
      throw usageError(
        `"${timezone.slice(0, 60)}" is not a timezone; use a name like Europe/Berlin or America/New_York.`,
      );
    const settings: DigestSchedule = { ...when, timezone, since: ctx.now.toISOString() };
    return settings;
  },
  describe(settings) {
    const parsed = digestScheduleSchema.safeParse(settings);
    return parsed.success
      ? `Weekly digest every ${describeSchedule(parsed.data)}`
      : "Weekly digest (settings unreadable; subscribe again)";
  },
  afterSubscribe(ctx, settings) {
    const parsed = digestScheduleSchema.safeParse(settings);
    if (!parsed.success) return [];
    const next = DateTime.fromJSDate(nextOccurrence(parsed.data, ctx.now), { zone: parsed.data.timezone }).toFormat(
      "cccc yyyy-MM-dd HH:mm ZZZZ",
    );
    return [{ type: "context", spans: [`Next digest: ${next}. See it now with `, { code: "digest preview" }, "."] }];
  },
};
