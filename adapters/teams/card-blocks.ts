/**
 * Neutral card blocks → Adaptive Card elements. Running text is RichTextBlock/TextRun, which Teams
 * never reads as markdown; only fact sets are markdown, and their text is escaped. Every list and
 * fact set is capped, and what is cut is counted in an "…and N more" line.
 */
import type { Block, CardAction, Span } from "../../src/core/reply.js";
import { escapeMarkdown, oneLine, plain } from "./escape.js";
import type {
  ActionSet,
  CardAction as CardButton,
  CardElement,
  RichTextBlock,
  TextRun,
  TextStyle,
} from "./card-types.js";
import type { TeamsLimits } from "./limits.js";
import { type CardMention, hasMention, mentionMarkdown } from "./mention-text.js";
import { safeHttpUrl } from "../../src/core/text-safety.js";

export type { CardElement } from "./card-types.js";

/** What rendering one card carries along: its limits and the people it mentions. */
export interface RenderContext {
  limits: TeamsLimits;
  entities: CardMention[];
}

/** A TextRun for plain text, with optional styling. */
export function run(text: string, max: number, style: Omit<TextRun, "type" | "text"> = {}): TextRun {
  return { type: "TextRun", text: plain(text, max), ...style };
}

/** A RichTextBlock of runs: text Teams shows exactly as given; empty runs are left out (Teams refuses them). */
export function richText(inlines: TextRun[], extra: Pick<RichTextBlock, "spacing"> = {}): RichTextBlock {
  return { type: "RichTextBlock", inlines: inlines.filter((i) => i.text !== ""), ...extra };
}

/** The "…and N more" line shown where a list, fact set or card was cut. */
export function moreLine(count: number): RichTextBlock {
  return richText([run(`…and ${count} more`, 40, { isSubtle: true, italic: true })]);
}

/**
 * A link as runs: the label as plain text, then the real URL itself as the clickable run, so a label
 * can never pass off one address as another (as in Slack). A URL that is not http(s) is only shown.
 */
function linkRuns(
  link: { label: string; url: string },
  budget: number,
  base: TextStyle,
  limits: TeamsLimits,
): TextRun[] {
  const url = safeHttpUrl(link.url, limits.maxUrl);
  if (!url) return [run(`${link.label} (${link.url})`, budget, base)];
  const target = run(url, budget, {
    ...base,
    color: "Accent",
    underline: true,
    selectAction: { type: "Action.OpenUrl", url },
  });
  if (!link.label.trim() || link.label === url || link.label === link.url) return [target];
  return [run(`${link.label} (`, budget, base), target, run(")", budget, base)];
}

function spanRuns(spans: Span[], limits: TeamsLimits, subtle: boolean): TextRun[] {
  let budget = limits.maxText;
  const runs: TextRun[] = [];
  for (const span of spans) {
    if (budget <= 0) break;
    const base: TextStyle = subtle ? { isSubtle: true, size: "Small" } : {};
    let elements: TextRun[];
    if (typeof span === "string") elements = [run(span, budget, base)];
    else if ("bold" in span) elements = [run(span.bold, budget, { ...base, weight: "Bolder" })];
    else if ("code" in span) elements = [run(span.code, budget, { ...base, fontType: "Monospace" })];
    else if ("mention" in span) elements = [run(`@${span.mention.name}`, budget, { ...base, weight: "Bolder" })];
    else elements = linkRuns(span.link, budget, base, limits);
    for (const element of elements) budget -= element.text.length;
    runs.push(...elements.filter((e) => e.text !== ""));
  }
  return runs;
}

function progressBar(done: number, total: number): string {
  const width = 20;
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * width);
  return `${"█".repeat(filled)}${"░".repeat(width - filled)} ${Math.round(ratio * 100)}% (${done}/${total})`;
}

/** A link button's title names the real host after the label, so a label cannot pass off one site as another. */
function linkTitle(label: string, url: string, limits: TeamsLimits): string {
  const host = oneLine(new URL(url).host, 60);
  const shown = oneLine(label, limits.maxActionTitle);
  return shown.trim() && shown !== host ? `${shown} (${host})` : host;
}

function action(a: CardAction, limits: TeamsLimits): CardButton | undefined {
  const title = oneLine(a.label, limits.maxActionTitle);
  if (a.kind === "link") {
    const url = safeHttpUrl(a.url, limits.maxUrl);
    return url ? { type: "Action.OpenUrl", title: linkTitle(a.label, url, limits), url } : undefined;
  }
  const style: Pick<Extract<CardButton, { type: "Action.Submit" }>, "style"> = a.style === "primary"
    ? { style: "positive" }
    : a.style === "danger"
      ? { style: "destructive" }
      : {};
  return { type: "Action.Submit", title, ...style, data: { actionId: a.actionId, value: a.value } };
}

function actionElements(actions: CardAction[], limits: TeamsLimits): CardElement[] {
  const shown = actions.slice(0, limits.maxActions);
  const buttons = shown.map((a) => action(a, limits)).filter((a): a is CardButton => a !== undefined);
  const elements: CardElement[] = buttons.length ? [{ type: "ActionSet", actions: buttons } satisfies ActionSet] : [];
  for (const a of shown) {
    if (a.kind === "link" && !safeHttpUrl(a.url, limits.maxUrl))
      elements.push(richText([run(`${a.label}: ${a.url}`, limits.maxText, { isSubtle: true })]));
  }
  if (actions.length > shown.length) elements.push(moreLine(actions.length - shown.length));
  return elements;
}

function listElements(block: Extract<Block, { type: "list" }>, limits: TeamsLimits): CardElement[] {
  if (block.items.length === 0) return [richText([run(block.empty ?? "(none)", limits.maxText, { isSubtle: true })])];
  const shown = block.items.slice(0, limits.maxListRows);
  const rows = shown.map((item): CardElement => {
    const inlines = [run(item.label || "(untitled)", limits.maxText, { weight: "Bolder" })];
    if (item.detail) inlines.push(run(`\n${item.detail}`, limits.maxText, { isSubtle: true }));
    return richText(inlines, { spacing: "Small" });
  });
  const hidden = block.items.length - shown.length + (block.more ?? 0);
  if (hidden > 0) rows.push(moreLine(hidden));
  return rows;
}

function factElements(block: Extract<Block, { type: "facts" }>, limits: TeamsLimits): CardElement[] {
  const shown = block.facts.slice(0, limits.maxFacts);
  const facts = shown.map((f) => ({
    title: escapeMarkdown(oneLine(f.label, limits.maxFactLabel)),
    value: escapeMarkdown(oneLine(f.value, limits.maxFactValue)),
  }));
  const elements: CardElement[] = [{ type: "FactSet", facts }];
  if (block.facts.length > shown.length) elements.push(moreLine(block.facts.length - shown.length));
  return elements;
}

function textElements(spans: Span[], rc: RenderContext, subtle: boolean): CardElement[] {
  if (hasMention(spans)) {
    return [
      {
        type: "TextBlock",
        text: mentionMarkdown(spans, rc.limits, rc.entities),
        wrap: true,
        ...(subtle ? { isSubtle: true, size: "Small" } : {}),
      },
    ];
  }
  const runs = spanRuns(spans, rc.limits, subtle);
  return runs.length ? [richText(runs)] : [];
}

/** One neutral block as zero or more card elements (a divider becomes a separator on what follows). */
export function blockElements(block: Block, rc: RenderContext): CardElement[] {
  const { limits } = rc;
  switch (block.type) {
    case "text":
    case "context":
      return textElements(block.spans, rc, block.type === "context");
    case "facts":
      return factElements(block, limits);
    case "list":
      return listElements(block, limits);
    case "progress":
      return [
        richText([
          run(block.label, limits.maxTitle, { weight: "Bolder" }),
          run(`\n${progressBar(block.done, block.total)}`, 80, { fontType: "Monospace" }),
          ...(block.note ? [run(`  ${block.note}`, limits.maxTitle, { color: "Attention" })] : []),
        ]),
      ];
    case "divider":
      return [];
    case "image": {
      const ok =
        /^data:image\/(png|jpeg|gif);base64,[A-Za-z0-9+/=]+$/.test(block.dataUri) &&
        block.dataUri.length <= limits.maxImageDataUri;
      return ok
        ? [{ type: "Image", url: block.dataUri, altText: oneLine(block.alt, limits.maxTitle) }]
        : [richText([run(`[image: ${block.alt}]`, limits.maxTitle, { isSubtle: true })])];
    }
    case "actions":
      return actionElements(block.actions, limits);
  }
}
