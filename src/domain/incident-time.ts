/**
 * Graph timestamps carry up to seven fractional digits ("2021-05-02T14:19:01.3266667Z"). Dedupe and
 * cursors compare them as strings, so every timestamp is rewritten to one fixed-width UTC form first.
 */

const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** The oldest possible time, for records that carry none (so they never look newer than what is stored). */
export const EPOCH = "1970-01-01T00:00:00.0000000Z";

/** Canonical `YYYY-MM-DDTHH:MM:SS.fffffffZ`, or null for anything that is not an ISO-8601 date-time. */
export function canonicalTime(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, base = "", fraction = "", zone = "Z"] = m;
  if (zone === "Z") {
    if (Number.isNaN(Date.parse(`${base}Z`))) return null;
    return `${base}.${fraction.padEnd(7, "0").slice(0, 7)}Z`;
  }
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : fromDate(new Date(ms));
}

/** A Date in the canonical form. */
export function fromDate(date: Date): string {
  return date.toISOString().replace(/Z$/, "0000Z");
}

/** The canonical time `ms` milliseconds earlier (sub-millisecond digits dropped). */
export function minusMs(time: string, ms: number): string {
  return fromDate(new Date(Date.parse(time) - ms));
}

/** The later of two canonical times (undefined counts as earliest). */
export function later(a: string | undefined | null, b: string | undefined | null): string | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return a >= b ? a : b;
}
