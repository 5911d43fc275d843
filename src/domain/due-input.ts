/**
 * The forgiving layer over parseDueDate: a time typed with the date ("friday 4pm") is dropped with a
 * note (tasks are due on a day), numeric dates that read two ways (01/02) are refused with both
 * readings unless the person chose `me dateformat dmy|mdy`, and "next quarter" is the first day of
 * the next calendar quarter.
 */
import { DateTime } from "luxon";
import { usageError } from "../errors.js";
import { parseDueDate } from "./dates.js";
import type { DateOrder } from "./person.js";

/** A due date and, when something typed was not kept, a note that says so. */
export interface DueInput {
  date: string;
  note?: string;
}

/** Who reads the date: their timezone and how they write numeric dates. */
export interface DateReader {
  timezone: string;
  dateFormat: DateOrder | null;
}

const TRAILING_TIME = /(?:\s+at)?\s+(\d{1,2}(?::[0-5]\d)?\s*(?:am|pm)|(?:[01]?\d|2[0-3]):[0-5]\d)$/i;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$/;

/** Reads a clock time: 16:00, 4pm, 4:30 pm, 9am; undefined when it is not one. */
export function parseTimeOfDay(word: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2})(?::([0-5]\d))?\s*(am|pm)?$/i.exec(word.trim());
  if (!m || (!m[2] && !m[3])) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) return undefined;
  if (half === "pm" && hour < 12) hour += 12;
  if (half === "am" && hour === 12) hour = 0;
  return hour <= 23 ? { hour, minute } : undefined;
}

function numericDate(text: string, reader: DateReader, local: DateTime): string | undefined {
  const m = NUMERIC.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const yearWord = m[3];
  const year = (month: number, day: number) => {
    if (yearWord) return yearWord.length === 2 ? 2000 + Number(yearWord) : Number(yearWord);
    const thisYear = DateTime.fromObject({ year: local.year, month, day }, { zone: "UTC" });
    return thisYear.isValid && (thisYear.toISODate() ?? "") < (local.toISODate() ?? "") ? local.year + 1 : local.year;
  };
  const iso = (month: number, day: number) =>
    DateTime.fromObject({ year: year(month, day), month, day }, { zone: "UTC" }).toISODate() ?? undefined;
  const dmy = a <= 31 && b <= 12 ? iso(b, a) : undefined;
  const mdy = a <= 12 && b <= 31 ? iso(a, b) : undefined;
  if (!dmy && !mdy) throw usageError(`"${text}" is not a real date.`);
  if (!dmy || !mdy || dmy === mdy || reader.dateFormat)
    return reader.dateFormat === "mdy" ? (mdy ?? dmy) : (dmy ?? mdy);
  throw usageError(
    `"${text}" reads two ways: ${dmy} or ${mdy}. Type one of those, or set \`me dateformat dmy\` (or mdy) once.`,
  );
}

/** Reads a due date the way a person typed it, in their timezone; refuses the past and anything ambiguous. */
export function readDueDate(input: string, reader: DateReader, now: Date): DueInput {
  let text = input.trim().replace(/^(due|by)\s+/i, "");
  const time = TRAILING_TIME.exec(text);
  const note = time ? `The time ${time[1]} is not kept: tasks are due on a day.` : undefined;
  if (time) text = text.slice(0, time.index).trim();
  const local = DateTime.fromJSDate(now, { zone: reader.timezone });
  const lower = text.toLowerCase();
  let date: string | undefined;
  if (lower === "next quarter") {
    const firstMonth = Math.floor((local.month - 1) / 3) * 3 + 1;
    date =
      DateTime.fromObject({ year: local.year, month: firstMonth, day: 1 }, { zone: "UTC" })
        .plus({ months: 3 })
        .toISODate() ?? undefined;
  } else {
    date = numericDate(text, reader, local);
  }
  const checked = parseDueDate(date ?? text, reader.timezone, now);
  return note ? { date: checked, note } : { date: checked };
}
