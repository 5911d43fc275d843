/**
 * What "inert" means on each platform, checked on rendered output: no ping but ours, no link but the
 * reply's own http(s) links with the real address shown, no markup read from untrusted text, JSON
 * that re-parses with no broken UTF-16, and each platform's limits. Used by the hostile-text tests.
 */
import { expect } from "vitest";
import type { TeamsMessage } from "../../adapters/teams/render.js";
import type { Reply, Span } from "../../src/core/reply.js";
import { blockProblems, viewProblems } from "../fakes/block-kit-rules.js";
import { allStrings, slackLinks, teamsLinks, walk } from "../contract/extract.js";

/** The one person our replies deliberately mention, by platform. */
export const OUR_MENTION = { slack: "UDANA01", teams: "d0000000-0000-4000-8000-000000000002" } as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The http(s) links a reply asks for, as a URL parser normalises them: the only links output may hold. */
export function replyLinks(reply: Reply): Set<string> {
  const urls: string[] = [];
  const fromSpans = (spans: Span[]) =>
    spans.forEach((s) => typeof s !== "string" && "link" in s && urls.push(s.link.url));
  if (reply.kind === "text") fromSpans(reply.spans);
  if (reply.kind === "form") fromSpans(reply.fallback);
  if (reply.kind === "card") {
    for (const b of reply.card.blocks) {
      if (b.type === "text" || b.type === "context") fromSpans(b.spans);
      if (b.type === "actions") b.actions.forEach((a) => a.kind === "link" && urls.push(a.url));
    }
  }
  const safe = new Set<string>();
  for (const u of urls) {
    try {
      const url = new URL(u);
      if (url.protocol === "http:" || url.protocol === "https:") safe.add(url.href);
    } catch {
      // not a URL: it may only be shown as text
    }
  }
  return safe;
}

/** A Slack link target is allowed when it is one of the reply's URLs (Slack's renderer percent-encodes `|`, `<` and `>`). */
const isAllowed = (allowed: Set<string>, href: string) =>
  allowed.has(href) || allowed.has(href.replace(/%7C/g, "|").replace(/%3C/g, "<").replace(/%3E/g, ">"));

/** Every JSON string in a platform payload is well-formed UTF-16 (Slack and Teams refuse lone surrogates). */
export function expectWellFormed(payload: unknown, where: string): void {
  expect(JSON.parse(JSON.stringify(payload)), where).toEqual(payload);
  const broken = allStrings(payload).filter((s) => LONE_SURROGATE.test(s));
  expect(
    broken.map((s) => s.slice(0, 40)),
    `${where}: lone surrogates`,
  ).toEqual([]);
}

/** Block Kit output: Slack's rules, pings only to our person, links only to the reply's URLs with the URL shown. */
export function expectSlackInert(message: object, reply: Reply, surface: "message" | "view", where: string): void {
  expectWellFormed(message, where);
  if (surface === "message")
    expect(blockProblems((message as { blocks?: unknown }).blocks, "message"), where).toEqual([]);
  else expect(viewProblems(message), where).toEqual([]);
  const parsed: string[] = "text" in message && typeof message.text === "string" ? [message.text] : [];
  walk(message, (o) => {
    if (o.type === "mrkdwn") {
      expect(o.verbatim, `${where}: mrkdwn must be verbatim (no auto-linking)`).toBe(true);
      parsed.push(String(o.text));
    }
    if (o.type === "section" && Array.isArray(o.fields))
      for (const f of o.fields as { text: string }[])
        expect(f.text, `${where}: a fact label cannot close its bold`).toMatch(/^\*[^*\n]*\*\n/);
  });
  const allowed = replyLinks(reply);
  for (const text of parsed) {
    expect(text, `${where}: broadcast or channel token`).not.toMatch(/<[!#]/);
    expect(text, `${where}: unescaped &`).not.toMatch(/&(?!amp;|lt;|gt;)/);
    for (const m of text.matchAll(/<([^>]*)>/g)) {
      const token = m[1] ?? "";
      if (token.startsWith("@")) expect(token, `${where}: ping`).toBe(`@${OUR_MENTION.slack}`);
      else
        expect(isAllowed(allowed, token.replace(/&amp;/g, "&")), `${where}: link <${token.slice(0, 80)}>`).toBe(true);
    }
  }
  for (const href of slackLinks(message))
    expect(isAllowed(allowed, href), `${where}: link ${href.slice(0, 80)}`).toBe(true);
  walk(message, (o) => {
    if (o.type === "button" && typeof o.url === "string")
      expect((o.text as { text: string }).text, `${where}: link button shows its host`).toContain(new URL(o.url).host);
  });
}

/** Markdown-active characters (and `<at`) that are not backslash-escaped. */
export function unescapedMarkdown(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    let slashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === "\\"; j--) slashes++;
    if (slashes % 2 === 1) continue;
    const c = text[i] ?? "";
    if ("[]*_~`".includes(c)) found.push(c);
    if (c === "<" && /^<\/?at\b/i.test(text.slice(i))) found.push("<at");
  }
  return found;
}

/** Our own markup in a Teams TextBlock: bold marks (untrusted `*` is always escaped), mention tags of our entities and markdown links to the reply's URLs. */
function withoutOurMarkup(text: string, entities: string[], allowed: Set<string>): string {
  let out = text.replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\((https?:[^)\s]*)\)/g, (whole, label: string, url: string) =>
    allowed.has(url.replace(/%28/g, "(").replace(/%29/g, ")")) ? label : whole,
  );
  for (const e of entities) out = out.split(e).join("");
  return out.replace(/(?<!\\)\*\*/g, "");
}

/** Adaptive Card output: version and size, entities only for our person, no markdown or `<at>` from untrusted text, links only to the reply's URLs with the host shown. */
export function expectTeamsInert(message: TeamsMessage, reply: Reply, where: string): void {
  expectWellFormed(message, where);
  const json = JSON.stringify(message);
  expect(Math.max(Buffer.byteLength(json, "utf8"), json.length * 2), `${where}: size`).toBeLessThan(80 * 1024);
  expect(message.attachments, where).toHaveLength(1);
  const card = message.attachments[0]?.content as unknown as Record<string, unknown>;
  expect(card.version, where).toBe("1.5");
  const entities = (card.msteams as { entities?: { text: string; mentioned: { id: string } }[] }).entities ?? [];
  for (const e of entities) {
    expect(e.mentioned.id, `${where}: mention entity`).toBe(OUR_MENTION.teams);
    expect(e.text, where).toMatch(/^<at>[^<>]+<\/at>$/);
  }
  const allowed = replyLinks(reply);
  walk(card, (o) => {
    const shown: string[] = [];
    if (o.type === "TextRun" || o.type === "TextBlock") shown.push(String(o.text));
    if (typeof o.type === "string" && o.type.startsWith("Action.") && typeof o.title === "string") shown.push(o.title);
    if (o.type === "FactSet")
      for (const f of o.facts as { title: string; value: string }[]) shown.push(f.title, f.value);
    for (const s of shown)
      expect(
        CONTROL_OR_BIDI.test(s.replace(/[\n\t]/g, " ")),
        `${where}: control or bidi character in ${JSON.stringify(s.slice(0, 40))}`,
      ).toBe(false);
    if (o.type === "TextBlock")
      expect(
        unescapedMarkdown(
          withoutOurMarkup(
            String(o.text),
            entities.map((e) => e.text),
            allowed,
          ),
        ),
        `${where}: markdown in a TextBlock`,
      ).toEqual([]);
    if (o.type === "FactSet")
      for (const f of o.facts as { title: string; value: string }[])
        expect([...unescapedMarkdown(f.title), ...unescapedMarkdown(f.value)], `${where}: markdown in a fact`).toEqual(
          [],
        );
    if (o.type === "TextRun" && entities.length)
      for (const e of entities)
        expect(String(o.text).includes(e.text), `${where}: a text run repeats a mention tag`).toBe(false);
  });
  for (const link of teamsLinks(card)) {
    expect(allowed.has(link.url), `${where}: link ${link.url.slice(0, 80)}`).toBe(true);
    expect(link.shown, `${where}: a link shows its host`).toContain(new URL(link.url).host);
  }
}

/** Console output: no control, escape, bidi or broken UTF-16 characters, and a bounded size. */
export function expectConsoleInert(text: string, where: string): void {
  expect(CONTROL_OR_BIDI.test(text.replace(/[\n\t]/g, " ")), `${where}: control or bidi character`).toBe(false);
  expect(LONE_SURROGATE.test(text), `${where}: lone surrogate`).toBe(false);
  expect(text.length, `${where}: size`).toBeLessThan(60_000);
}
