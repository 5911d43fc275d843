/**
 * Spans that mention people, as a TextBlock: Teams only pings a person from card markdown text
 * with a matching msteams.entities entry. The surrounding text is markdown-escaped (an `<at>` typed
 * by an attacker is escaped too, so it can never match an entity) and the mention's id comes from
 * the reply, which takes it from the people table, never from untrusted text.
 */
import type { Span } from "../../src/core/reply.js";
import { escapeMarkdown, oneLine, plain, safeUrl } from "./escape.js";
import type { TeamsLimits } from "./limits.js";

/** A card mention entity, listed at the card's root under msteams.entities. */
export interface CardMention {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

/** True when any span mentions a person. */
export function hasMention(spans: Span[]): boolean {
  return spans.some((s) => typeof s !== "string" && "mention" in s);
}

function mentionName(name: string): string {
  return oneLine(name, 100).replace(/[<>\\*_~`[\]]/g, "").trim() || "someone";
}

/** Renders spans as escaped card markdown, adding one entity per mentioned person. */
export function mentionMarkdown(spans: Span[], limits: TeamsLimits, entities: CardMention[]): string {
  const parts = spans.map((span) => {
    if (typeof span === "string") return escapeMarkdown(plain(span, limits.maxText));
    if ("bold" in span) return `**${escapeMarkdown(plain(span.bold, limits.maxText)).replace(/\s+$/, "")}**`;
    if ("code" in span) return escapeMarkdown(plain(span.code, limits.maxText));
    if ("link" in span) {
      const url = safeUrl(span.link.url, limits.maxUrl);
      const label = escapeMarkdown(oneLine(span.link.label, limits.maxTitle));
      return url ? `[${label}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29")})` : `${label} (${escapeMarkdown(oneLine(span.link.url, limits.maxUrl))})`;
    }
    const text = `<at>${mentionName(span.mention.name)}</at>`;
    const id = oneLine(span.mention.platformUserId, 200);
    if (!entities.some((e) => e.text === text && e.mentioned.id === id)) entities.push({ type: "mention", text, mentioned: { id, name: mentionName(span.mention.name) } });
    return text;
  });
  return parts.join("").slice(0, limits.maxText * 2);
}
