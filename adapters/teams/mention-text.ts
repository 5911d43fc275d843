/**
 * Spans that mention people, as a TextBlock: Teams only pings a person from card markdown text
 * with a matching msteams.entities entry. The surrounding text is markdown-escaped (an `<at>` typed
 * by an attacker is escaped too, so it can never match an entity) and the mention's id comes from
 * the reply, which takes it from the people table, never from untrusted text.
 */
import type { Span } from "../../src/core/reply.js";
import { escapeMarkdown, oneLine, plain } from "./escape.js";
import type { TeamsLimits } from "./limits.js";
import { safeHttpUrl } from "../../src/core/text-safety.js";

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
  return (
    oneLine(name, 100)
      .replace(/[<>\\*_~`[\]]/g, "")
      .trim() || "someone"
  );
}

/** Cuts escaped markdown to `max` characters without leaving half an escape or half a surrogate pair. */
function cutEscaped(text: string, max: number): string {
  let cut = text.slice(0, Math.max(0, max));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const slashes = /\\*$/.exec(cut)?.[0].length ?? 0;
  return slashes % 2 === 1 ? cut.slice(0, -1) : cut;
}

/** Renders spans as escaped card markdown, adding one entity per person mentioned in what fits. */
export function mentionMarkdown(spans: Span[], limits: TeamsLimits, entities: CardMention[]): string {
  const max = limits.maxText * 2;
  let out = "";
  for (const span of spans) {
    const cuttable = typeof span === "string" || "code" in span;
    let part: string;
    if (typeof span === "string") part = escapeMarkdown(plain(span, limits.maxText));
    else if ("bold" in span) part = `**${escapeMarkdown(plain(span.bold, limits.maxText)).replace(/\s+$/, "")}**`;
    else if ("code" in span) part = escapeMarkdown(plain(span.code, limits.maxText));
    else if ("link" in span) {
      const url = safeHttpUrl(span.link.url, limits.maxUrl);
      const label = escapeMarkdown(oneLine(span.link.label, limits.maxTitle));
      const target = url ? `[${escapeMarkdown(url)}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29")})` : "";
      if (!url) part = `${label} (${escapeMarkdown(oneLine(span.link.url, limits.maxUrl))})`;
      else
        part =
          label.trim() && span.link.label !== url && span.link.label !== span.link.url
            ? `${label} (${target})`
            : target;
    } else part = `<at>${mentionName(span.mention.name)}</at>`;
    if (out.length + part.length > max) return out + (cuttable ? cutEscaped(part, max - out.length - 1) : "") + "…";
    if (typeof span !== "string" && "mention" in span) {
      const id = oneLine(span.mention.platformUserId, 200);
      if (!entities.some((e) => e.text === part && e.mentioned.id === id))
        entities.push({ type: "mention", text: part, mentioned: { id, name: mentionName(span.mention.name) } });
    }
    out += part;
  }
  return out;
}
