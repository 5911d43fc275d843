/**
 * Which due-date reminder a task's owner gets today, if any. Pure: dates are the owner's local
 * calendar dates (YYYY-MM-DD). The rule, in full:
 * - "before": once, 2 days before the due date (or 1 day before if the 2-days-before day was missed);
 * - "due": once, on the due date;
 * - "overdue": after the due date, at most 3 times, at least 2 working days (Mon–Fri) apart;
 * - "escalation": 2 working days after the third overdue reminder, the leads are told instead, once.
 */
import { DateTime } from "luxon";
import { addDays } from "../domain/dates.js";

/** The kinds of reminder, in the order a cycle goes through them. */
export type ReminderKind = "before" | "due" | "overdue" | "escalation";

/** A reminder already sent, with the owner's local date it was sent on. */
export interface SentReminder {
  kind: ReminderKind;
  localDate: string;
}

/** What to send now: the kind and its number within the cycle (1 for all but repeated overdue reminders). */
export interface ReminderDecision {
  kind: ReminderKind;
  seq: number;
}

/** Days before the due date the first reminder goes out. */
export const BEFORE_DAYS = 2;
/** Overdue reminders sent before the leads are told. */
export const MAX_OVERDUE = 3;
/** Working days between overdue reminders (and before the escalation). */
export const OVERDUE_GAP = 2;

/** Monday to Friday. */
export function isWorkingDay(date: string): boolean {
  return DateTime.fromISO(date, { zone: "UTC" }).weekday <= 5;
}

/** Working days d with from < d ≤ to. */
export function workingDaysAfter(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}

/** The reminder due on `today` for a task due on `dueDate`, given what was already sent, or undefined. */
export function nextReminder(
  today: string,
  dueDate: string,
  sent: readonly SentReminder[],
): ReminderDecision | undefined {
  const has = (kind: ReminderKind) => sent.some((s) => s.kind === kind);
  if (today < addDays(dueDate, -BEFORE_DAYS)) return undefined;
  if (today < dueDate) return has("before") ? undefined : { kind: "before", seq: 1 };
  if (today === dueDate) return has("due") ? undefined : { kind: "due", seq: 1 };
  if (has("escalation")) return undefined;
  const overdue = sent
    .filter((s) => s.kind === "overdue")
    .map((s) => s.localDate)
    .sort();
  const last = overdue[overdue.length - 1];
  if (last !== undefined && workingDaysAfter(last, today) < OVERDUE_GAP) return undefined;
  return overdue.length < MAX_OVERDUE ? { kind: "overdue", seq: overdue.length + 1 } : { kind: "escalation", seq: 1 };
}
