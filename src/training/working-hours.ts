/** Whether a moment falls in a person's working hours (Monday–Friday, their hours, their timezone). */
import { DateTime } from "luxon";
import type { Person } from "../domain/person.js";

/** True on a weekday between workStartHour (inclusive) and workEndHour (exclusive) local time; a bad zone reads as UTC. */
export function withinWorkingHours(
  person: Pick<Person, "timezone" | "workStartHour" | "workEndHour">,
  now: Date,
): boolean {
  let local = DateTime.fromJSDate(now, { zone: person.timezone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: "UTC" });
  return local.weekday <= 5 && local.hour >= person.workStartHour && local.hour < person.workEndHour;
}

/** The ISO week (e.g. 2026-W48) it is for the person, for one-nudge-a-week idempotency keys. */
export function isoWeekIn(timezone: string, now: Date): string {
  let local = DateTime.fromJSDate(now, { zone: timezone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: "UTC" });
  return local.toFormat("kkkk-'W'WW");
}
