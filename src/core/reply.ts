/**
 * The neutral reply model every command returns and every renderer draws.
 * Strings in it are always literal text: renderers escape them for their platform, so no command
 * can let an attacker's alert title or a person's name turn into a ping or a link.
 */

/**
 * A run of text: plain strings are literal; bold, code and links are the only formatting. A mention
 * pings one person; its platform user id must come from the people table, never from untrusted text.
 */
export type Span =
  | string
  | { bold: string }
  | { code: string }
  | { link: { label: string; url: string } }
  | { mention: { platformUserId: string; name: string } };

/** Severity shown on a card's header; drives an emoji/colour, never the only signal. */
export type CardSeverity = "informational" | "low" | "medium" | "high" | "critical";

/** A button that triggers a registered action with an entity id, or a link that opens a URL. */
export type CardAction =
  | { kind: "button"; actionId: string; label: string; value: string; style?: "primary" | "danger" }
  | { kind: "link"; label: string; url: string };

/** One row of a list: a label (e.g. "S1-2 Turn on Defender for Office 365") and a detail line. */
export interface ListItem {
  label: string;
  detail?: string;
}

/** The blocks a card is made of; a list's `more` counts rows the command left out (shown as "…and N more"). */
export type Block =
  | { type: "text"; spans: Span[] }
  | { type: "facts"; facts: { label: string; value: string }[] }
  | { type: "list"; items: ListItem[]; empty?: string; more?: number }
  | { type: "progress"; label: string; done: number; total: number; note?: string }
  | { type: "divider" }
  | { type: "image"; alt: string; dataUri: string }
  | { type: "actions"; actions: CardAction[] }
  | { type: "context"; spans: Span[] };

/** A structured message with a title and blocks. */
export interface Card {
  title: string;
  subtitle?: string;
  severity?: CardSeverity;
  blocks: Block[];
}

/** A field of a form the adapter may show as a modal (Slack) or input card (Teams). */
export interface FormField {
  id: string;
  label: string;
  /** "file" asks for one uploaded file; forms with one are only returned where `capabilities.fileInput` holds. */
  kind: "text" | "person" | "date" | "choice" | "file";
  options?: { value: string; label: string }[];
  initial?: string;
  optional?: boolean;
}

/** A request for input; submitted values arrive as an action with `inputs`. */
export interface Form {
  actionId: string;
  title: string;
  submitLabel: string;
  value: string;
  fields: FormField[];
}

/** Who should see a reply: only the requester (ephemeral where supported) or the whole conversation. */
export type Visibility = "requester" | "conversation";

/**
 * A file a reply carries (a workbook, a slide deck, a CSV or a chart): each adapter delivers it its own
 * way (Slack uploads it, Teams asks consent in the personal chat, the console writes it under ./exports/).
 * The name is ours, never taken from untrusted input; the bytes travel as base64 so outbox rows can hold them.
 */
export interface OutgoingFile {
  name: string;
  mimeType: string;
  base64: string;
  title: string;
  /** For images: alt text stating the same numbers. */
  alt?: string;
  /** The command that makes it again, offered where the platform cannot deliver the file (a Teams channel). */
  command?: string;
}

/** What a command or action returns; text and cards may carry a file. */
export type Reply =
  | { kind: "text"; spans: Span[]; visibility: Visibility; file?: OutgoingFile }
  | { kind: "card"; card: Card; visibility: Visibility; file?: OutgoingFile }
  | { kind: "form"; form: Form; fallback: Span[]; visibility: "requester" };

/** A plain text reply to the requester. */
export function textReply(...spans: Span[]): Reply {
  return { kind: "text", spans, visibility: "requester" };
}

/** A plain text reply the whole conversation sees (a change others should know about). */
export function announce(...spans: Span[]): Reply {
  return { kind: "text", spans, visibility: "conversation" };
}

/** A card reply, to the requester unless the change concerns the conversation. */
export function cardReply(card: Card, visibility: Visibility = "requester"): Reply {
  return { kind: "card", card, visibility };
}

/** Attaches a file to a text or card reply. */
export function withFile(reply: Reply, file: OutgoingFile): Reply {
  return reply.kind === "form" ? reply : { ...reply, file };
}

/** The plain text of spans, for fallbacks, notifications and logs. */
export function spansToPlain(spans: Span[]): string {
  return spans
    .map((s) =>
      typeof s === "string"
        ? s
        : "bold" in s
          ? s.bold
          : "code" in s
            ? s.code
            : "mention" in s
              ? `@${s.mention.name}`
              : `${s.link.label} (${s.link.url})`,
    )
    .join("");
}
