/**
 * Making untrusted text inert, the parts every renderer and the storage share: broken UTF-16 halves,
 * control and direction-override characters (which can disguise a file name or repaint a terminal),
 * clipping that never splits a surrogate pair, and links limited to http(s). Each platform adds its
 * own escaping on top (Slack mrkdwn, Teams markdown, the console's numbering).
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** C0/C1 controls except tab, newline and carriage return; bidi marks, embeddings, overrides and isolates; BOM. */
const CONTROLS_AND_BIDI =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Unpaired surrogates become U+FFFD, one for one (lengths, and so limits, are unchanged). */
export function fixSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, "\ufffd");
}

/** Broken UTF-16 and control or direction-override characters each become U+FFFD, one for one. */
export function replaceUnsafe(text: string): string {
  return fixSurrogates(text).replace(CONTROLS_AND_BIDI, "\ufffd");
}

/** The first `max` code units, one fewer when the cut would leave half a surrogate pair. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max));
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Text cut to `max` code units ending with `marker` when anything was cut, never splitting a surrogate pair. */
export function clampText(text: string, max: number, marker = "…"): string {
  if (text.length <= max) return text;
  return cutAt(text, max - marker.length) + marker;
}

/** The URL when it is an absolute http(s) URL without spaces, controls, quotes or angle brackets, within `max`. */
export function safeHttpUrl(raw: string, max: number): string | undefined {
  if (raw.length > max || /[\s\u0000-\u001f\u007f<>"]/.test(raw)) return undefined;
  try {
    const url = new URL(raw);
    return (url.protocol === "https:" || url.protocol === "http:") && url.href.length <= max ? url.href : undefined;
  } catch {
    return undefined;
  }
}
