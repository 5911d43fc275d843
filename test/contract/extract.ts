/**
 * What a person would read in each platform's output, extracted independently of the renderers:
 * Block Kit text objects (mrkdwn un-escaped), Adaptive Card TextRun/TextBlock/FactSet/action titles
 * (markdown un-escaped), and every link each output would open.
 */

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Calls `visit` on every object under `node`, depth first. */
export function walk(node: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!isObj(node)) return;
  visit(node);
  Object.values(node).forEach((v) => walk(v, visit));
}

/** Every string value anywhere under `node` (keys excluded). */
export function allStrings(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(allStrings);
  if (isObj(node)) return Object.values(node).flatMap(allStrings);
  return [];
}

/** Slack mrkdwn as a person reads it: `<@U1>` → `@U1`, `<url>` → url, entities decoded. */
export function unMrkdwn(text: string): string {
  return text
    .replace(/<@([A-Z0-9]+)>/g, "@$1")
    .replace(/<([^<>|]+)\|([^<>]*)>/g, "$2")
    .replace(/<([^<>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The visible lines of a Block Kit message or view: header, sections, fields, context, buttons, labels, options. */
export function slackVisible(node: unknown): string {
  const out: string[] = [];
  walk(node, (o) => {
    if (o.type === "plain_text" && typeof o.text === "string") out.push(o.text);
    if (o.type === "mrkdwn" && typeof o.text === "string") out.push(unMrkdwn(o.text));
  });
  return out.join("\n");
}

/** Every link a Block Kit message opens: `<url>` tokens in mrkdwn and link buttons' urls. */
export function slackLinks(node: unknown): string[] {
  const out: string[] = [];
  walk(node, (o) => {
    if (o.type === "mrkdwn" && typeof o.text === "string")
      for (const m of o.text.matchAll(/<(https?:[^<>]*)>/g)) out.push((m[1] ?? "").replace(/&amp;/g, "&"));
    if (o.type === "button" && typeof o.url === "string") out.push(o.url);
  });
  return out;
}

/** Teams card markdown as a person reads it: links as their text, bold marks dropped, `<at>X</at>` as `@X`, escapes removed. */
export function unMarkdown(text: string): string {
  return text
    .replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)/g, "$1")
    .replace(/(?<!\\)\*\*/g, "")
    .replace(/(?<!\\)<at>(.*?)<\/at>/g, "@$1")
    .replace(/\\(.)/gs, "$1");
}

/** The visible lines of an Adaptive Card: each RichTextBlock's runs joined, TextBlocks, facts, action titles, inputs, image alt text. */
export function teamsVisible(node: unknown): string {
  const out: string[] = [];
  walk(node, (o) => {
    if (o.type === "RichTextBlock" && Array.isArray(o.inlines))
      out.push(o.inlines.map((r) => (isObj(r) && typeof r.text === "string" ? r.text : "")).join(""));
    if (o.type === "TextBlock" && typeof o.text === "string") out.push(unMarkdown(o.text));
    if (o.type === "FactSet" && Array.isArray(o.facts))
      for (const f of o.facts) if (isObj(f)) out.push(`${unMarkdown(String(f.title))}: ${unMarkdown(String(f.value))}`);
    if (typeof o.type === "string" && o.type.startsWith("Action.") && typeof o.title === "string") out.push(o.title);
    if (typeof o.type === "string" && o.type.startsWith("Input.")) {
      if (typeof o.label === "string") out.push(o.label);
      if (Array.isArray(o.choices)) for (const c of o.choices) if (isObj(c)) out.push(String(c.title));
    }
    if (o.type === "Image" && typeof o.altText === "string") out.push(o.altText);
  });
  return out.join("\n");
}

/** Every link an Adaptive Card opens: OpenUrl actions, runs' select actions and markdown links, with the text shown for each. */
export function teamsLinks(node: unknown): { url: string; shown: string }[] {
  const out: { url: string; shown: string }[] = [];
  const selected = new Set<unknown>();
  walk(node, (o) => {
    if (o.type === "Action.OpenUrl" && typeof o.url === "string" && !selected.has(o))
      out.push({ url: o.url, shown: String(o.title ?? "") });
    if (isObj(o.selectAction)) selected.add(o.selectAction);
    if (o.type === "TextRun" && isObj(o.selectAction) && typeof o.selectAction.url === "string")
      out.push({ url: o.selectAction.url, shown: String(o.text) });
    const markdown =
      o.type === "TextBlock"
        ? [String(o.text)]
        : o.type === "FactSet" && Array.isArray(o.facts)
          ? o.facts.flatMap((f) => (isObj(f) ? [String(f.title), String(f.value)] : []))
          : [];
    for (const text of markdown)
      for (const m of text.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g))
        out.push({ url: m[2] ?? "", shown: unMarkdown(m[1] ?? "") });
  });
  return out;
}
