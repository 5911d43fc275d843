/**
 * Reading task ids as people type them: `s1-2` and `S1-07` are S1-2; `S12` and `s1 2` are near
 * misses that get "did you mean S1-2?" instead of a silent guess.
 */

/** An area id alone: S1…S4, INV, RDY, GOV. */
const AREA_ONLY = /^(S[1-4]|INV|RDY|GOV)$/i;

/** The canonical form of a well-formed id (upper case, no leading zeros), or undefined. */
export function canonicalTaskId(word: string): string | undefined {
  const m = /^(S[1-4]|INV|RDY|GOV)-0*(\d{1,4})$/i.exec(word);
  if (!m) return undefined;
  return `${(m[1] ?? "").toUpperCase()}-${Number(m[2])}`;
}

/** The id someone probably meant by a malformed word (and the word after it, for `s1 2`), or undefined. */
export function nearTaskId(word: string, next?: string): string | undefined {
  if (AREA_ONLY.test(word) && next !== undefined && /^\d{1,4}$/.test(next))
    return `${word.toUpperCase()}-${Number(next)}`;
  const glued = /^(S[1-4])0*(\d{1,3})$/i.exec(word) ?? /^(INV|RDY|GOV)[-_ ]?0*(\d{1,4})$/i.exec(word);
  if (glued) return `${(glued[1] ?? "").toUpperCase()}-${Number(glued[2])}`;
  const separated = /^(S[1-4]|INV|RDY|GOV)[_.:/]0*(\d{1,4})$/i.exec(word);
  if (separated) return `${(separated[1] ?? "").toUpperCase()}-${Number(separated[2])}`;
  return undefined;
}
