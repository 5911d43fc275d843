/**
 * The Teams renderer: a neutral Reply → a message activity carrying one Adaptive Card (v1.5).
 * Pure: no I/O, no SDK. Text replies are cards too, so every string is drawn as TextRun and no
 * reply can turn into markdown, HTML or a mention. A reply that would exceed Teams' size limit is
 * rendered again with tighter caps until it fits, and the cuts say "…and N more".
 */
import type { Block, Card, CardSeverity, Reply } from "../../src/core/reply.js";
import type { AdaptiveCard, CardAction, TextStyle } from "./card-types.js";
import { blockElements, type CardElement, moreLine, type RenderContext, richText, run } from "./card-blocks.js";
import { formCard } from "./form-card.js";
import { activityBytes, CARD_VERSION, TEAMS_LIMITS, type TeamsLimits } from "./limits.js";

/** The Adaptive Card attachment's content type. */
export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/** What the adapter sends: a message whose only attachment is the card. */
export interface TeamsMessage {
  type: "message";
  attachments: { contentType: typeof ADAPTIVE_CARD; content: AdaptiveCard }[];
}

const SEVERITY: Record<CardSeverity, { label: string; color: TextStyle["color"] }> = {
  informational: { label: "INFO", color: "Accent" },
  low: { label: "LOW", color: "Good" },
  medium: { label: "MEDIUM", color: "Warning" },
  high: { label: "HIGH", color: "Attention" },
  critical: { label: "CRITICAL", color: "Attention" },
};

function header(card: Card, limits: TeamsLimits): CardElement[] {
  const severity = card.severity ? SEVERITY[card.severity] : undefined;
  const title = [
    ...(severity ? [run(`${severity.label}  `, 20, { weight: "Bolder", color: severity.color })] : []),
    run(card.title, limits.maxTitle, { size: "Medium", weight: "Bolder" }),
  ];
  const elements = [richText(title)];
  if (card.subtitle)
    elements.push(richText([run(card.subtitle, limits.maxTitle, { isSubtle: true })], { spacing: "None" }));
  return elements;
}

function cardBody(card: Card, rc: RenderContext): CardElement[] {
  const { limits } = rc;
  const body = header(card, limits);
  const shown = card.blocks.slice(0, limits.maxBlocks);
  let separate = false;
  for (const block of shown) {
    if (block.type === "divider") {
      separate = true;
      continue;
    }
    const elements = blockElements(block, rc);
    const first = elements[0];
    if (separate && first) {
      elements[0] = { ...first, separator: true, spacing: "Medium" };
      separate = false;
    }
    body.push(...elements);
  }
  if (card.blocks.length > shown.length) body.push(moreLine(card.blocks.length - shown.length));
  return body;
}

function adaptiveCard(rc: RenderContext, body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    msteams: { width: "Full", ...(rc.entities.length ? { entities: rc.entities } : {}) },
    body,
    ...(actions.length ? { actions } : {}),
  };
}

function message(content: AdaptiveCard): TeamsMessage {
  return { type: "message", attachments: [{ contentType: ADAPTIVE_CARD, content }] };
}

function renderWith(reply: Reply, limits: TeamsLimits): TeamsMessage {
  const rc: RenderContext = { limits, entities: [] };
  switch (reply.kind) {
    case "text":
      return message(adaptiveCard(rc, blockElements({ type: "text", spans: reply.spans }, rc)));
    case "card":
      return message(adaptiveCard(rc, cardBody(reply.card, rc)));
    case "form": {
      const { body, actions } = formCard(reply.form, limits);
      return message(adaptiveCard(rc, body, actions));
    }
  }
}

function tighter(limits: TeamsLimits): TeamsLimits {
  return {
    ...limits,
    maxText: Math.max(200, Math.floor(limits.maxText / 2)),
    maxListRows: Math.max(5, Math.floor(limits.maxListRows / 2)),
    maxFacts: Math.max(5, Math.floor(limits.maxFacts / 2)),
    maxChoices: Math.max(10, Math.floor(limits.maxChoices / 2)),
    maxBlocks: Math.max(10, Math.floor(limits.maxBlocks / 2)),
    maxImageDataUri: 0,
  };
}

/** Renders any reply within Teams' limits; the last resort is a short card saying the reply was too large. */
export function renderReply(reply: Reply, limits: TeamsLimits = TEAMS_LIMITS): TeamsMessage {
  let current = limits;
  for (let attempt = 0; attempt < 6; attempt++) {
    const rendered = renderWith(reply, current);
    if (activityBytes(rendered) <= limits.maxActivityBytes) return rendered;
    current = tighter(current);
  }
  const title = reply.kind === "card" ? reply.card.title : reply.kind === "form" ? reply.form.title : "Reply";
  const note: Block = {
    type: "text",
    spans: ["This reply is too large to show in Teams; narrow it down (for example with a filter)."],
  };
  return renderWith(
    { kind: "card", visibility: reply.visibility, card: { title, blocks: [note] } },
    tighter(tighter(tighter(current))),
  );
}
