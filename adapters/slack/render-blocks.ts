/**
 * Block Kit for each neutral block, every piece within LIMITS. Untrusted text goes into plain_text
 * or escaped mrkdwn marked `verbatim` (so Slack does not auto-link names, channels or URLs).
 */
import type { types } from "@slack/bolt";
import type { Block, CardAction, ListItem, Span } from "../../src/core/reply.js";
import { LIMITS } from "./limits.js";
import { clipMrkdwn, clipPlain, clipRendered, safeUrl, spansToMrkdwn } from "./text.js";

type KnownBlock = types.KnownBlock;

/** A mrkdwn text object that Slack shows as written (no auto-linking of @names, #channels or URLs). */
export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: "mrkdwn", text, verbatim: true };
}

/** A plain_text object: never parsed, so mentions and links inside are shown literally. */
export function plain(text: string): types.PlainTextElement {
  return { type: "plain_text", text, emoji: false };
}

/** A context block with one mrkdwn line (already escaped). */
export function contextLine(text: string): types.ContextBlock {
  return { type: "context", elements: [mrkdwn(clipRendered(text, LIMITS.contextText))] };
}

/** A section holding rendered mrkdwn, clipped to Slack's section limit. */
function section(text: string): types.SectionBlock {
  return { type: "section", text: mrkdwn(clipRendered(text, LIMITS.sectionText)) };
}

/** Spans as sections; nothing for empty text (Slack refuses empty sections). */
function textBlocks(spans: Span[]): KnownBlock[] {
  const text = spansToMrkdwn(spans);
  return text.trim() ? [section(text)] : [];
}

/** A label in bold on one line: Slack's bold cannot span lines or start with a space, and a `*` inside would end it early. */
function boldLine(text: string, max: number): string {
  return `*${clipMrkdwn(text.replace(/\s*[\r\n]+\s*/g, " ").trim() || "—", max).replace(/\*/g, "∗")}*`;
}

/** Facts as section fields, ten per section. */
function factBlocks(facts: { label: string; value: string }[]): KnownBlock[] {
  const fields = facts.map((f) => {
    const label = `${boldLine(f.label, 200)}\n`;
    return mrkdwn(label + clipMrkdwn(f.value || "—", LIMITS.fieldText - label.length));
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
    blocks.push({ type: "section", fields: fields.slice(i, i + LIMITS.sectionFields) });
  }
  return blocks;
}

/** A progress bar as text: ten cells, the percentage and the counts. */
function progressText(done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * 10);
  return `${"█".repeat(filled)}${"░".repeat(10 - filled)} ${Math.round(ratio * 100)}% (${done}/${total})`;
}

/** Button labels for links name the real host, so a label cannot pass off one site as another. */
function linkLabel(label: string, url: URL): string {
  const host = clipPlain(url.host, 60);
  const room = LIMITS.buttonText - host.length - 3;
  return room > 3 ? `${clipPlain(label, room)} (${host})` : host;
}

/** One button, or undefined when it cannot be drawn within Slack's rules (the caller says so). */
function button(action: CardAction, n: number): types.Button | undefined {
  if (action.kind === "link") {
    const href = safeUrl(action.url, LIMITS.buttonUrl);
    if (!href) return undefined;
    return { type: "button", text: plain(linkLabel(action.label, new URL(href))), url: href, action_id: `link#${n}` };
  }
  const actionId = `${action.actionId}#${n}`;
  if (actionId.length > LIMITS.actionId || action.value.length > LIMITS.buttonValue) return undefined;
  return {
    type: "button",
    text: plain(clipPlain(action.label || "…", LIMITS.buttonText)),
    action_id: actionId,
    value: action.value,
    ...(action.style ? { style: action.style } : {}),
  };
}

/** Buttons in actions blocks of at most 25, numbered so action_ids are unique in the message. */
function actionBlocks(actions: CardAction[], counter: { n: number }): KnownBlock[] {
  const elements: types.Button[] = [];
  let dropped = 0;
  for (const a of actions) {
    const b = button(a, counter.n++);
    if (b) elements.push(b);
    else dropped++;
  }
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.actionsElements) {
    blocks.push({ type: "actions", elements: elements.slice(i, i + LIMITS.actionsElements) });
  }
  if (dropped)
    blocks.push(
      contextLine(`${dropped} link${dropped === 1 ? "" : "s"} not shown: only http(s) addresses are linked.`),
    );
  return blocks;
}

/** Any block except lists (which share the remaining budget), rendered whole. */
export function fixedBlocks(b: Exclude<Block, { type: "list" }>, counter: { n: number }): KnownBlock[] {
  switch (b.type) {
    case "text":
      return textBlocks(b.spans);
    case "context": {
      const text = spansToMrkdwn(b.spans);
      return text.trim() ? [contextLine(text)] : [];
    }
    case "facts":
      return factBlocks(b.facts);
    case "progress": {
      const note = b.note ? ` · ${clipMrkdwn(b.note, 200)}` : "";
      return [section(`${boldLine(b.label, 300)}\n${progressText(b.done, b.total)}${note}`)];
    }
    case "divider":
      return [{ type: "divider" }];
    case "image":
      return [{ type: "context", elements: [plain(`[image: ${clipPlain(b.alt || "no description", 500)}]`)] }];
    case "actions":
      return actionBlocks(b.actions, counter);
  }
}

/** One list row as mrkdwn: the label in bold, the detail below. */
function row(item: ListItem): string {
  const label = boldLine(item.label, 500);
  return item.detail ? `${label}\n${clipMrkdwn(item.detail, 1000)}` : label;
}

/**
 * A list packed into as few sections as fit (3,000 characters each), within `maxBlocks` blocks and
 * `maxChars` characters; rows that do not fit become a final "…and N more".
 */
export function listBlocks(
  items: ListItem[],
  empty: string | undefined,
  maxBlocks: number,
  maxChars: number,
  more = 0,
): KnownBlock[] {
  if (items.length === 0) return [contextLine(clipMrkdwn(empty ?? "Nothing to show.", 500))];
  const rows = items.map(row);
  const pack = (sections: number, chars: number): { blocks: KnownBlock[]; shown: number } => {
    const blocks: KnownBlock[] = [];
    if (sections < 1) return { blocks, shown: 0 };
    let current: string[] = [];
    let length = 0;
    let used = 0;
    let shown = 0;
    for (const r of rows) {
      if (used + r.length + 1 > chars) break;
      if (current.length > 0 && length + 1 + r.length > LIMITS.sectionText) {
        if (blocks.length + 2 > sections) break;
        blocks.push(section(current.join("\n")));
        current = [];
        length = 0;
      }
      length += (current.length > 0 ? 1 : 0) + r.length;
      current.push(r);
      used += r.length + 1;
      shown++;
    }
    if (current.length > 0) blocks.push(section(current.join("\n")));
    return { blocks, shown };
  };
  const all = more > 0 ? { blocks: [], shown: -1 } : pack(maxBlocks, maxChars);
  if (all.shown === rows.length) return all.blocks;
  const some = maxBlocks > 1 ? pack(maxBlocks - 1, maxChars) : { blocks: [], shown: 0 };
  return [...some.blocks, contextLine(`…and ${rows.length - some.shown + more} more`)];
}
