/**
 * Making untrusted text safe for Teams. Card text is drawn with TextRun (no markdown at all), so
 * it only needs cleaning; fact sets are markdown in Teams, so their text is also escaped. Cards are
 * built as objects and serialised with JSON.stringify, so no string can break out of its field.
 */
import { clampText, replaceUnsafe } from "../../src/core/text-safety.js";

/** Plain text for a TextRun or an input label: no control or direction-override characters, bounded. */
export function plain(text: string, max: number): string {
  return clampText(replaceUnsafe(text.replace(/\r\n?/g, "\n")), max);
}

/** One line of plain text (newlines and tabs become spaces), for titles, facts and buttons. */
export function oneLine(text: string, max: number): string {
  return plain(text.replace(/[\r\n\t]+/g, " "), max);
}

/**
 * Escapes Teams card markdown (bold, italic, strike, code, links, lists) so a fact shows literally:
 * `[label](url)` cannot become a link and `**x**` cannot become bold. Cards render no HTML; an
 * `<at>` tag is escaped so it can never match a mention entity the card lists.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`[\]]/g, (c) => `\\${c}`)
    .replace(/<(\/?at\b)/gi, "\\<$1")
    .replace(
      /^([ \t]*)([-+]|\d+\.)(?=\s)/gm,
      (_m, space: string, marker: string) => `${space}${marker.replace(/([-+.])/, "\\$1")}`,
    );
}
