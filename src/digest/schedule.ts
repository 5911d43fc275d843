/**
 * When a weekly digest is due: a weekday and wall-clock time in an IANA timezone. Pure functions
 * (luxon) so the every-minute check, catch-up after downtime and tests all agree, across daylight-saving changes.
 */
import { DateTime } from "luxon";
import { isoWeek } from "../domain/working-time.js";
import { parseTimeOfDay } from "../domain/due-input.js";
import { z } from "zod";

/** Weekday names, Monday first (ISO weekday = index + 1). */
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** A stored digest subscription's settings; `since` (ISO instant) keeps earlier weeks from being "caught up". */
export const digestScheduleSchema = z.object({
  day: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
  timezone: z.string().min(1),
  since: z.string().optional(),
});

/** A weekly schedule: ISO weekday (1 = Monday), local time, timezone. */
export type DigestSchedule = z.infer<typeof digestScheduleSchema>;

/** The default: Monday 09:00. */
export const DEFAULT_DAY = 1;
export const DEFAULT_HOUR = 9;

/** Reads `monday`/`mon` (any case) as an ISO weekday, or undefined. */
export function parseWeekday(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  const i = WEEKDAYS.findIndex((d) => d === lower || d.slice(0, 3) === lower);
  return i < 0 ? undefined : i + 1;
}

/** Reads `HH:MM` or `H:MM` (00:00–23:59), or undefined for anything else. */
export function parseClock(word: string): { hour: number; minute: number } | undefined {
  return parseTimeOfDay(word);
}

/** True for an IANA zone both luxon and Intl accept; fixed offsets like UTC+3 are refused. */
export function isSchedulableTimezone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  if (!DateTime.local().setZone(zone).isValid) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "Monday 09:00 (Europe/Berlin)". */
export function describeSchedule(s: DigestSchedule): string {
  const name = WEEKDAYS[s.day - 1] ?? "monday";
  return `${name[0]?.toUpperCase()}${name.slice(1)} ${pad(s.hour)}:${pad(s.minute)} (${s.timezone})`;
}

/**
 * The ISO week a reporting period is about: the one holding its middle, so most of its days. A
 * Monday digest covers the week before it (the one its header names), a Friday digest the week ending.
 */
export function periodWeek(from: Date, to: Date, timezone: string): string {
  return isoWeek(new Date((from.getTime() + to.getTime()) / 2), timezone);
}

/** The occurrence in the ISO week that contains `at`; a time skipped by a DST jump moves forward, as luxon does. */
function occurrenceInWeekOf(s: DigestSchedule, at: DateTime): DateTime {
  const day = at.startOf("week").plus({ days: s.day - 1 });
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: s.hour, minute: s.minute },
    { zone: s.timezone },
  );
}

/** The latest scheduled instant at or before `now`. */
export function lastOccurrence(s: DigestSchedule, now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: s.timezone });
  const thisWeek = occurrenceInWeekOf(s, local);
  return (
    thisWeek.toMillis() <= now.getTime() ? thisWeek : occurrenceInWeekOf(s, local.minus({ weeks: 1 }))
  ).toJSDate();
}

/** The first scheduled instant strictly after `after`. */
export function nextOccurrence(s: DigestSchedule, after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone: s.timezone });
  const thisWeek = occurrenceInWeekOf(s, local);
  return (
    thisWeek.toMillis() > after.getTime() ? thisWeek : occurrenceInWeekOf(s, local.plus({ weeks: 1 }))
  ).toJSDate();
}

/**
 * The ISO week whose digest is due at `now`, or undefined: this week's time has come, it was not
 * before the subscription began, and the week (in the schedule's timezone) has not ended.
 */
export function dueWeek(s: DigestSchedule, now: Date): string | undefined {
  const occurrence = lastOccurrence(s, now);
  if (s.since && occurrence.getTime() < Date.parse(s.since)) return undefined;
  const week = isoWeek(occurrence, s.timezone);
  return week === isoWeek(now, s.timezone) ? week : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
