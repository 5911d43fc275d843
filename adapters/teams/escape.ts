/**
 * Making untrusted text safe for Teams. Card text is drawn with TextRun (no markdown at all), so
 * it only needs cleaning; fact sets are markdown in Teams, so their text is also escaped. Cards are
 * built as objects and serialised with JSON.stringify, so no string can break out of its field.
 */

const BIDI_AND_CONTROLS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cuts text to `max` characters without splitting a surrogate pair, ending with "…". */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + "…";
}

/** Plain text for a TextRun or an input label: no control or direction-override characters, bounded. */
export function plain(text: string, max: number): string {
  const cleaned = text.replace(/\r\n?/g, "\n").replace(LONE_SURROGATE, "\ufffd").replace(BIDI_AND_CONTROLS, "\ufffd");
  return clamp(cleaned, max);
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

/** A URL safe to open from a card: http(s) only, no spaces or control characters, bounded. */
export function safeUrl(url: string, max: number): string | undefined {
  if (url.length > max || /[\s\u0000-\u001f\u007f<>"]/.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
