/** Due dates: ISO or natural phrases, read in the person's timezone, never in the past. */
import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import { usageError } from "../errors.js";
import { localTime } from "./working-time.js";

/** The calendar date (YYYY-MM-DD) it is now in `timezone`. */
export function todayIn(timezone: string, now: Date): string {
  return localTime(now, timezone).toISODate() ?? "";
}

/** True when `timezone` is an IANA zone luxon (and so the platform's Intl) knows. */
export function isValidTimezone(timezone: string): boolean {
  return DateTime.local().setZone(timezone).isValid;
}

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  // Plain dates are counted with Date.UTC: the digest does this for thousands of tasks, and luxon costs far more.
  if (PLAIN_DATE.test(from) && PLAIN_DATE.test(to)) return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
  return Math.round(DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days);
}

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Milliseconds of a YYYY-MM-DD date's UTC midnight (NaN for a date that does not exist, as luxon would say). */
function utcDay(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, keeps years below 100 as they are
  return day.getUTCDate() === d && day.getUTCMonth() === m - 1 ? day.getTime() : NaN;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toISODate() ?? date;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a due date typed by a person. Accepts ISO dates and phrases such as `friday`,
 * `next monday`, `in 2 weeks`, `end of month`, `end of week`. Refuses the past and anything
 * it cannot read whole, so "fri-ish" never becomes a silent guess.
 */
export function parseDueDate(input: string, timezone: string, now: Date): string {
  const text = input.trim().toLowerCase();
  if (!text) throw usageError("A date is missing.");
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const today = local.toISODate() ?? "";
  let date: string | undefined;
  if (ISO_DATE.test(text)) {
    const parsed = DateTime.fromISO(text, { zone: "UTC" });
    if (!parsed.isValid) throw usageError(`"${input}" is not a real date.`);
    date = text;
  } else if (text === "end of week" || text === "end of this week") {
    date = local.plus({ days: (5 - local.weekday + 7) % 7 }).toISODate() ?? undefined;
  } else {
    const pastWords = /\b(last|ago|yesterday|previous|past)\b/.test(text);
    const results = chrono.parse(text, { instant: now, timezone: local.offset }, { forwardDate: !pastWords });
    const first = results[0];
    if (!first || results.length > 1 || first.index !== 0 || first.text.length !== text.length) {
      throw usageError(
        `I can't read "${input}" as a date; try 2026-12-15, friday, next monday, in 2 weeks or end of month.`,
      );
    }
    const { start } = first;
    date =
      DateTime.fromObject(
        { year: start.get("year") ?? 0, month: start.get("month") ?? 0, day: start.get("day") ?? 0 },
        { zone: "UTC" },
      ).toISODate() ?? undefined;
  }
  if (!date) throw usageError(`I can't read "${input}" as a date.`);
  if (date < today) throw usageError(`${date} is in the past (today is ${today} in ${timezone}).`);
  return date;
}

/** "Fri 4 Dec" for a YYYY-MM-DD date, with the year when it is not `today`'s year. */
export function shortDate(date: string, today?: string): string {
  const d = DateTime.fromISO(date, { zone: "UTC" });
  if (!d.isValid) return date;
  const sameYear = !today || today.slice(0, 4) === date.slice(0, 4);
  return d.toFormat(sameYear ? "ccc d LLL" : "ccc d LLL yyyy");
}

/** A timezone name in its canonical spelling (europe/berlin → Europe/Berlin), or undefined when unknown. */
export function canonicalTimezone(zone: string): string | undefined {
  if (!isValidTimezone(zone)) return undefined;
  const lower = zone.toLowerCase();
  const listed = Intl.supportedValuesOf("timeZone").find((z) => z.toLowerCase() === lower);
  if (listed) return listed;
  if (lower === "utc") return "UTC";
  return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
}
