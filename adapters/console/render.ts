/**
 * Console renderer: neutral Reply → terminal text. Untrusted text has control characters
 * (ANSI escapes included) replaced, so an alert title cannot repaint or clear the terminal.
 * Buttons are numbered; typing the number presses them.
 */
import type { Block, Card, CardAction, Reply, Span } from "../../src/core/reply.js";
import { cutAt, replaceUnsafe } from "../../src/core/text-safety.js";

/** A rendered reply with the buttons in the order they were numbered. */
export interface ConsoleOutput {
  text: string;
  buttons: Extract<CardAction, { kind: "button" }>[];
}

/** Longest single value printed before "…"; keeps 100 KB alert descriptions readable. */
const MAX_VALUE = 2000;

/** Makes a string safe for a terminal: no escapes, no bidi overrides, no broken UTF-16, bounded length. */
export function consoleSafe(text: string): string {
  const clean = replaceUnsafe(text).replace(/\r/g, "\ufffd");
  if (clean.length <= MAX_VALUE) return clean;
  const kept = cutAt(clean, MAX_VALUE);
  return `${kept}… (${clean.length - kept.length} more characters)`;
}

function spans(list: Span[]): string {
  return list
    .map((s) =>
      typeof s === "string"
        ? consoleSafe(s)
        : "bold" in s
          ? consoleSafe(s.bold)
          : "code" in s
            ? `\`${consoleSafe(s.code)}\``
            : "mention" in s
              ? `@${consoleSafe(s.mention.name)}`
              : `${consoleSafe(s.link.label)} <${consoleSafe(s.link.url)}>`,
    )
    .join("");
}

/** A 20-cell bar; counts outside 0…total (or not numbers at all) are drawn as empty or full, never thrown on. */
function bar(done: number, total: number): string {
  const width = 20;
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) || 0 : 0;
  const filled = Math.round(ratio * width);
  const pct = Math.round(ratio * 100);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}% (${done}/${total})`;
}

function block(b: Block, buttons: ConsoleOutput["buttons"]): string[] {
  switch (b.type) {
    case "text":
      return [spans(b.spans)];
    case "context":
      return [`  ${spans(b.spans)}`];
    case "facts":
      return b.facts.map((f) => `${consoleSafe(f.label)}: ${consoleSafe(f.value)}`);
    case "list":
      if (b.items.length === 0) return [consoleSafe(b.empty ?? "(none)")];
      return [
        ...b.items.flatMap((i) => [`• ${consoleSafe(i.label)}`, ...(i.detail ? [`    ${consoleSafe(i.detail)}`] : [])]),
        ...(b.more ? [`…and ${b.more} more`] : []),
      ];
    case "progress":
      return [`${consoleSafe(b.label).padEnd(34)} ${bar(b.done, b.total)}${b.note ? `  ${consoleSafe(b.note)}` : ""}`];
    case "divider":
      return ["―".repeat(40)];
    case "image":
      return [`[image: ${consoleSafe(b.alt)}]`];
    case "actions":
      return [
        b.actions
          .map((a) => {
            if (a.kind === "link") return `${consoleSafe(a.label)} <${consoleSafe(a.url)}>`;
            buttons.push(a);
            return `[${buttons.length}] ${consoleSafe(a.label)}`;
          })
          .join("  "),
      ];
  }
}

function card(c: Card, buttons: ConsoleOutput["buttons"]): string {
  const head = `${c.severity ? `[${c.severity.toUpperCase()}] ` : ""}${consoleSafe(c.title)}`;
  const lines = [head, "=".repeat(Math.min(head.length, 60))];
  if (c.subtitle) lines.push(consoleSafe(c.subtitle));
  for (const b of c.blocks) lines.push(...block(b, buttons));
  return lines.join("\n");
}

/** Renders any reply; forms degrade to their fallback usage text. */
export function replyToConsole(reply: Reply): ConsoleOutput {
  const buttons: ConsoleOutput["buttons"] = [];
  switch (reply.kind) {
    case "text":
      return { text: spans(reply.spans), buttons };
    case "card":
      return { text: card(reply.card, buttons), buttons };
    case "form":
      return { text: spans(reply.fallback), buttons };
  }
}
