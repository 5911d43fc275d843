/**
 * Slack input → neutral pieces: command text with `<@U…>` mentions turned into `@U…` tokens and
 * Slack's own escaping undone, button action_ids back to action ids, channel ids to conversation kinds.
 */
import type { ConversationRef } from "../../src/core/incoming.js";

/** Most distinct people one command may mention (each costs a users.info lookup). */
export const MAX_MENTIONS = 10;

/** A command line ready for the core, and the Slack user ids it mentioned (in order, distinct). */
export interface ParsedText {
  text: string;
  userIds: string[];
  /** The names Slack put in the mentions (`<@U1|dana>`), a fallback when users.info cannot answer. */
  labels: Record<string, string>;
}

/**
 * Rewrites Slack's escaped tokens into plain words: `<@U1|dana>` → `@U1`, `<!here>` → `@here`,
 * `<#C1|ops>` → `#ops`, `<https://x|label>` → `https://x`; then decodes `&lt; &gt; &amp;`, so a
 * title stores what the person typed. Rendering escapes it again on the way out.
 */
export function parseCommandText(raw: string): ParsedText {
  const userIds: string[] = [];
  const labels: Record<string, string> = {};
  const text = raw
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => {
      if (!userIds.includes(id)) userIds.push(id);
      if (label) labels[id] = label;
      return `@${id}`;
    })
    .replace(/<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => (label ? label : `@${id}`))
    .replace(/<!([a-z]+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g, (_m, word: string, label?: string) =>
      word === "date" ? (label ?? "") : `@${word}`,
    )
    .replace(/<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, (_m, url: string) => url)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return { text, userIds, labels };
}

/** The neutral action id behind a rendered action_id (`task.done#3` → `task.done`); links yield undefined. */
export function actionIdOf(slackActionId: string): string | undefined {
  const id = slackActionId.replace(/#\d+$/, "");
  return id === "link" || id === "" ? undefined : id;
}

/** What kind of conversation a channel id (and the name Slack gives slash commands) is. */
export function conversationKind(channelId: string, channelName?: string): ConversationRef["kind"] {
  if (channelId.startsWith("D") || channelName === "directmessage") return "personal";
  if (channelName?.startsWith("mpdm-")) return "group";
  return "channel";
}

/** The core's workspace id for a Slack team. */
export function workspaceOf(teamId: string): string {
  return `slack:${teamId}`;
}
