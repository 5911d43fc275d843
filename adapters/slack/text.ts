/**
 * Making untrusted strings inert in Slack: mrkdwn escaping (& < > only, as Slack asks), length
 * clipping that says what it cut, link rendering that shows the real URL beside the label, and a
 * last pass that leaves no broken UTF-16 or direction-override characters in what is sent.
 */
import type { Span } from "../../src/core/reply.js";
import { fixSurrogates, replaceUnsafe, safeHttpUrl } from "../../src/core/text-safety.js";

/** Escapes Slack's three control characters so text can never ping, link or format a `<…>` token. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Marks cut text so a cut is never silent. */
function moreNote(hidden: number): string {
  return `…and ${hidden} more characters`;
}

/**
 * The longest prefix of `raw` whose rendered form (`render`, e.g. escaping) fits in `max`,
 * followed by "…and N more characters" when anything was cut. Never splits a surrogate pair.
 */
export function clip(raw: string, max: number, render: (s: string) => string = (s) => s): string {
  const whole = render(raw);
  if (whole.length <= max) return whole;
  const chars = Array.from(raw);
  let used = 0;
  let kept = 0;
  let out = "";
  for (const ch of chars) {
    const piece = render(ch);
    const note = moreNote(raw.length - (kept + ch.length));
    if (used + piece.length + note.length > max) break;
    out += piece;
    used += piece.length;
    kept += ch.length;
  }
  const note = moreNote(raw.length - kept);
  return note.length > max ? note.slice(0, max) : out + note;
}

/** Clips plain text (no escaping: plain_text objects are never parsed). */
export function clipPlain(raw: string, max: number): string {
  return clip(raw, max);
}

/** Clips and escapes untrusted text for a mrkdwn field. */
export function clipMrkdwn(raw: string, max: number): string {
  return clip(raw, max, escapeMrkdwn);
}

/** The URL if it is an absolute http(s) URL Slack can link, else undefined (javascript:, data:, relative, …). */
export function safeUrl(raw: string, maxLength = 3000): string | undefined {
  const href = safeHttpUrl(raw, maxLength)?.replace(/\|/g, "%7C");
  return href && href.length <= maxLength ? href : undefined;
}

/** A link as mrkdwn: the label as text, then the real URL itself as the link, so a label cannot disguise it. */
export function linkMrkdwn(label: string, url: string): string {
  const safe = safeUrl(url);
  const text = escapeMrkdwn(label);
  if (!safe) return `${text} (${escapeMrkdwn(url)})`;
  const shown = `<${escapeMrkdwn(safe)}>`;
  return text && text !== escapeMrkdwn(safe) ? `${text} (${shown})` : shown;
}

/** A deliberate ping: `<@U…>` only for a well-formed Slack user id, otherwise the name as inert text. */
export function mentionMrkdwn(userId: string, name: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(userId) ? `<@${userId}>` : `@${escapeMrkdwn(name)}`;
}

/** Bold text as `*…*` on each line, with surrounding spaces outside the marks (Slack bolds nothing else). */
function boldMrkdwn(text: string): string {
  return text
    .replace(/\*/g, "∗")
    .split("\n")
    .map((line) => {
      const [, before = "", inner = "", after = ""] = /^(\s*)(.*?)(\s*)$/s.exec(line) ?? [];
      return inner ? `${before}*${escapeMrkdwn(inner)}*${after}` : escapeMrkdwn(line);
    })
    .join("\n");
}

/** Neutral spans → mrkdwn: strings escaped, bold as *…*, code as `…`, links via linkMrkdwn, mentions via mentionMrkdwn. */
export function spansToMrkdwn(spans: Span[]): string {
  return spans
    .map((s) => {
      if (typeof s === "string") return escapeMrkdwn(s);
      if ("bold" in s) return boldMrkdwn(s.bold);
      if ("code" in s) return s.code ? `\`${escapeMrkdwn(s.code.replace(/`/g, "ˋ"))}\`` : "";
      if ("mention" in s) return mentionMrkdwn(s.mention.platformUserId, s.mention.name);
      return linkMrkdwn(s.link.label, s.link.url);
    })
    .join("");
}

/**
 * Clips already-rendered mrkdwn at `max` without cutting inside an entity or a `<…>` link, and says
 * how much was cut.
 */
export function clipRendered(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  let cut = max - moreNote(mrkdwn.length).length;
  const open = mrkdwn.lastIndexOf("<", cut);
  if (open >= 0 && mrkdwn.indexOf(">", open) >= cut) cut = open;
  const amp = mrkdwn.lastIndexOf("&", cut);
  if (amp >= 0 && amp > cut - 5 && mrkdwn.indexOf(";", amp) >= cut) cut = amp;
  if (/[\uD800-\uDBFF]/.test(mrkdwn.charAt(cut - 1))) cut -= 1;
  return mrkdwn.slice(0, Math.max(0, cut)) + moreNote(mrkdwn.length - Math.max(0, cut));
}

/**
 * The last pass over a rendered payload: every string loses broken UTF-16 halves (Slack refuses
 * them) and shown `text` also loses control and direction-override characters (which can disguise
 * a file name), each replaced by U+FFFD one for one, so lengths and therefore limits are unchanged.
 */
export function sendable<T>(value: T, key = ""): T {
  if (typeof value === "string") {
    return (key === "text" ? replaceUnsafe(value) : fixSurrogates(value)) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => sendable(v)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sendable(v, k)])) as T;
  return value;
}
