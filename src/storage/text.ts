/**
 * PostgreSQL text and jsonb hold only well-formed Unicode without NUL (U+0000), while SQLite stores
 * any JavaScript string. Untrusted text (Graph incidents, the cards built from them) is made storable
 * before it is written, on both engines alike: NULs are dropped and unpaired UTF-16 surrogates become
 * U+FFFD (what a text column would have made of them; jsonb refuses them outright).
 */
import { fixSurrogates } from "../core/text-safety.js";

/** The string storable on both engines. */
function storableString(s: string): string {
  return fixSurrogates(s.replaceAll("\u0000", ""));
}

/** The value with every string in it made storable (plain objects and arrays are copied). */
export function storable<T>(value: T): T {
  if (typeof value === "string") return storableString(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storable(v)])) as T;
  return value;
}
