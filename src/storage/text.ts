/**
 * PostgreSQL text and jsonb hold only well-formed Unicode without NUL (U+0000), while SQLite stores
 * any JavaScript string. Untrusted text (Graph incidents, the cards built from them) is made storable
 * before it is written, on both engines alike: NULs are dropped and unpaired UTF-16 surrogates become
 * U+FFFD (what a text column would have made of them; jsonb refuses them outright).
 */
import { fixSurrogates } from "../core/text-safety.js";

/** Any surrogate at all: strings without one (nearly all) need no repair. */
const ANY_SURROGATE = /[\ud800-\udfff]/;

/** The string storable on both engines (the same string when it already is). */
function storableString(s: string): string {
  if (!s.includes("\u0000") && !ANY_SURROGATE.test(s)) return s;
  return fixSurrogates(s.replaceAll("\u0000", ""));
}

/**
 * The value with every string in it made storable: plain objects and arrays are copied only when
 * something in them changed, so the clean text of a large sync page costs no copies.
 */
export function storable<T>(value: T): T {
  if (typeof value === "string") return storableString(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const fixed = storable(item);
      if (fixed !== item) (copy ??= [...value])[i] = fixed;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(record)) {
      const fixed = storable(v);
      if (fixed !== v) (copy ??= { ...record })[k] = fixed;
    }
    return (copy ?? record) as T;
  }
  return value;
}
