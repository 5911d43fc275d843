/** "Did you mean …?": the known words closest to what someone typed, by edit distance. */
import { distance } from "fastest-levenshtein";

/** Up to `count` candidates within `maxDistance` edits of `typed` (case-insensitive), closest first. */
export function closest(typed: string, candidates: Iterable<string>, maxDistance = 2, count = 1): string[] {
  const lower = typed.toLowerCase();
  return [...candidates]
    .map((c) => ({ c, d: distance(lower, c.toLowerCase()) }))
    .filter((x) => x.d <= maxDistance && x.d > 0)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, count)
    .map((x) => x.c);
}

/** The `count` candidates closest to `typed`, however far (for "the closest three"). */
export function nearest(typed: string, candidates: Iterable<string>, count: number): string[] {
  const lower = typed.toLowerCase();
  return [...candidates]
    .map((c) => ({ c, d: distance(lower, c.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, count)
    .map((x) => x.c);
}
