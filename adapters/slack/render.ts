/**
 * The Block Kit renderer: a pure function from the neutral Reply to Slack blocks plus the fallback
 * `text`. Whatever the reply holds, the result stays within LIMITS for its surface; lists that do not
 * fit end in "…and N more", and untrusted text is escaped or plain_text, so it can never ping or link.
 */
import type { types } from "@slack/bolt";
import type { Block, Card, CardSeverity, Reply } from "../../src/core/reply.js";
import { LIMITS, type Surface } from "./limits.js";
import { contextLine, fixedBlocks, listBlocks, mrkdwn, plain } from "./render-blocks.js";
import { clipMrkdwn, clipPlain, clipRendered, sendable, spansToMrkdwn } from "./text.js";

/** What chat.postMessage, chat.update, response_url and views take: blocks and the notification text. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

const SEVERITY: Record<CardSeverity, { icon: string; word: string }> = {
  critical: { icon: "🔴", word: "Critical" },
  high: { icon: "🟠", word: "High" },
  medium: { icon: "🟡", word: "Medium" },
  low: { icon: "🔵", word: "Low" },
  informational: { icon: "⚪", word: "Informational" },
};

/** Renders any reply for a surface (a message: 50 blocks; a modal or the Home tab: 100). */
export function renderReply(reply: Reply, surface: Surface = "message"): SlackMessage {
  return sendable(draw(reply, surface));
}

function draw(reply: Reply, surface: Surface): SlackMessage {
  if (reply.kind === "card") return renderCard(reply.card, surface);
  const spans = reply.kind === "text" ? reply.spans : reply.fallback;
  const text = spansToMrkdwn(spans);
  const body = text.trim() ? text : "(no text)";
  return {
    text: clipRendered(body, LIMITS.fallbackText),
    blocks: [{ type: "section", text: mrkdwn(clipRendered(body, LIMITS.sectionText)) }],
  };
}

/** The header and the subtitle/severity line of a card. */
function head(card: Card): types.KnownBlock[] {
  const severity = card.severity ? SEVERITY[card.severity] : undefined;
  const title = `${severity ? severity.icon + " " : ""}${card.title.trim() || "SecOps"}`;
  const blocks: types.KnownBlock[] = [{ type: "header", text: plain(clipPlain(title, LIMITS.headerText)) }];
  const sub = [
    severity ? `*${severity.word} severity*` : "",
    card.subtitle ? clipMrkdwn(card.subtitle, 1000) : "",
  ].filter(Boolean);
  if (sub.length) blocks.push(contextLine(sub.join(" · ")));
  return blocks;
}

/** The card's fallback text: title and subtitle, escaped. */
function fallback(card: Card): string {
  const severity = card.severity ? `${SEVERITY[card.severity].word}: ` : "";
  return clipMrkdwn(
    `${severity}${card.title}${card.subtitle ? ` — ${card.subtitle}` : ""}`.trim() || "SecOps",
    LIMITS.fallbackText,
  );
}

type Part = { list: Extract<Block, { type: "list" }> } | { fixed: types.KnownBlock[] };

/** Lays out a card: fixed blocks first, lists share what is left, and a last guard keeps the total in bounds. */
function renderCard(card: Card, surface: Surface): SlackMessage {
  const max = LIMITS.blocks[surface];
  const counter = { n: 0 };
  const parts: Part[] = card.blocks.map((b) => (b.type === "list" ? { list: b } : { fixed: fixedBlocks(b, counter) }));
  const top = head(card);
  const fixedCount = top.length + parts.reduce((n, p) => n + ("fixed" in p ? p.fixed.length : 0), 0);
  let listsLeft = parts.filter((p) => "list" in p).length;
  let blocksLeft = max - fixedCount;
  let charsLeft: number = LIMITS.listChars[surface];
  const blocks = [...top];
  for (const part of parts) {
    if ("fixed" in part) {
      blocks.push(...part.fixed);
      continue;
    }
    listsLeft--;
    const budget = Math.max(1, blocksLeft - listsLeft);
    const rendered = listBlocks(part.list.items, part.list.empty, budget, charsLeft, part.list.more);
    blocksLeft -= rendered.length;
    charsLeft -= rendered.reduce((n, b) => n + (b.type === "section" && b.text ? b.text.text.length : 0), 0);
    blocks.push(...rendered);
  }
  return { text: fallback(card), blocks: bound(blocks, max) };
}

/** The last guard: a card with more fixed blocks than the surface allows keeps the first ones and says how many more. */
function bound(blocks: types.KnownBlock[], max: number): types.KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, contextLine(`…and ${blocks.length - kept.length} more blocks not shown`)];
}
