/**
 * A person's time: their local clock, their working hours (Monday to Friday, workStartHour to
 * workEndHour in their own timezone) and the ISO week. One rule for a timezone the clock does not
 * know (a stored value from before validation): it reads as UTC, never as "never working".
 */
import { DateTime } from "luxon";
import type { Person } from "./person.js";

/** The parts of a person that decide when they may be messaged. */
export type WorkingPattern = Pick<Person, "timezone" | "workStartHour" | "workEndHour">;

/** `now` on the clock of `timezone`, or on UTC's when the zone is unknown. */
export function localTime(now: Date, timezone: string): DateTime {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  return local.isValid ? local : DateTime.fromJSDate(now, { zone: "UTC" });
}

/** True when `now` is inside the person's working hours on a working day. */
export function isWorkingTime(p: WorkingPattern, now: Date): boolean {
  const local = localTime(now, p.timezone);
  return local.weekday <= 5 && local.hour >= p.workStartHour && local.hour < p.workEndHour;
}

/** `now` when inside working time, else the start of the person's next working day. */
export function nextWorkingTime(p: WorkingPattern, now: Date): Date {
  if (isWorkingTime(p, now)) return now;
  const local = localTime(now, p.timezone);
  for (let i = 0; i <= 7; i++) {
    const day = local.plus({ days: i });
    const start = DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: p.workStartHour },
      { zone: local.zone },
    );
    if (start.weekday <= 5 && start.toMillis() > now.getTime()) return start.toJSDate();
  }
  return now;
}

/** The ISO week (`2026-W48`) an instant falls in, in `timezone`. */
export function isoWeek(at: Date, timezone: string): string {
  return localTime(at, timezone).toFormat("kkkk-'W'WW");
}
