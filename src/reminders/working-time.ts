/** A person's working time: Monday to Friday, from workStartHour to workEndHour in their own timezone. */
import { DateTime } from "luxon";
import type { Person } from "../domain/person.js";

/** The parts of a person that decide when they may be messaged. */
export type WorkingPattern = Pick<Person, "timezone" | "workStartHour" | "workEndHour">;

/** True when `now` is inside the person's working hours on a working day. */
export function isWorkingTime(p: WorkingPattern, now: Date): boolean {
  const local = DateTime.fromJSDate(now, { zone: p.timezone });
  return local.weekday <= 5 && local.hour >= p.workStartHour && local.hour < p.workEndHour;
}

/** `now` when inside working time, else the start of the person's next working day. */
export function nextWorkingTime(p: WorkingPattern, now: Date): Date {
  if (isWorkingTime(p, now)) return now;
  const local = DateTime.fromJSDate(now, { zone: p.timezone });
  for (let i = 0; i <= 7; i++) {
    const day = local.plus({ days: i });
    const start = DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: p.workStartHour },
      { zone: p.timezone },
    );
    if (start.weekday <= 5 && start.toMillis() > now.getTime()) return start.toJSDate();
  }
  return now;
}
