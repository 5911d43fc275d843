/**
 * Readers for untrusted JSON values: only strings become strings, everything is cut to a bound
 * (without splitting a UTF-16 surrogate pair), so a 100 KB description or a number where a name
 * belongs cannot break storage or rendering. NUL characters are dropped: PostgreSQL text cannot hold
 * them, and they never carry meaning in a title or a name.
 */
import { cutAt } from "../core/text-safety.js";

/** Cuts text to `max` code units, never leaving half a surrogate pair at the end. */
export function bound(text: string, max: number): string {
  return cutAt(text, max);
}

/** A bounded string without NUL characters, or null when the value is missing, blank or not a string. */
export function str(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const text = value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  return text.trim() === "" ? null : bound(text, max);
}

/** Up to `maxItems` bounded non-blank strings from an array; anything else gives []. */
export function strList(value: unknown, maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    const s = str(item, maxLength);
    if (s !== null && !out.includes(s)) out.push(s);
    if (out.length >= maxItems) break;
  }
  return out;
}

/** The value as a plain object, or undefined (arrays and null are not objects here). */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Graph ids: short printable strings only (they end up in keys and button values). */
export function graphId(value: unknown): string | null {
  const id = typeof value === "number" ? String(value) : value;
  if (typeof id !== "string") return null;
  const trimmed = id.trim();
  return /^[\w.:=+-]{1,128}$/.test(trimmed) ? trimmed : null;
}
