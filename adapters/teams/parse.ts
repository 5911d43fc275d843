/**
 * Teams activity → the neutral pieces of an Incoming: workspace, conversation, sender, the
 * command line with its person mentions, and Action.Submit payloads. Everything here is a pure
 * function of the activity; looking people up over the connector happens in members.ts.
 * Identity comes only from activity.from and mention entities, never from text.
 */
import { TurnContext, type Activity } from "botbuilder";
import type { ConversationRef, Identity } from "../../src/core/incoming.js";

export { TEAMS_CAPABILITIES } from "./capabilities.js";

/** Workspace key for a tenant, so tenants never share people or tasks. */
export function workspaceOf(activity: Partial<Activity>): string {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = data?.tenant?.id ?? activity.conversation?.tenantId;
  return `teams:${typeof tenant === "string" && tenant ? tenant : "no-tenant"}`;
}

/** The channel id of a channel conversation (without the thread's `;messageid=` suffix). */
export function channelIdOf(activity: Partial<Activity>): string | undefined {
  if (activity.conversation?.conversationType !== "channel") return undefined;
  const data = activity.channelData as { channel?: { id?: unknown } } | undefined;
  const id = data?.channel?.id;
  return typeof id === "string" && id ? id : String(activity.conversation.id ?? "").split(";")[0];
}

/** Where the activity happened; in a channel the conversation is the channel and the thread is kept. */
export function conversationOf(activity: Partial<Activity>): ConversationRef {
  const workspace = workspaceOf(activity);
  const id = String(activity.conversation?.id ?? "");
  const channel = channelIdOf(activity);
  if (channel)
    return { platform: "teams", workspace, id: channel, kind: "channel", ...(id !== channel ? { threadId: id } : {}) };
  const kind =
    activity.conversation?.conversationType === "personal"
      ? "personal"
      : activity.conversation?.isGroup
        ? "group"
        : activity.conversation?.conversationType === "groupChat"
          ? "group"
          : "personal";
  return { platform: "teams", workspace, id, kind };
}

/** A Teams account as a person: the Entra object id when known, else the 29: id. */
export function identityOf(account: {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}): Identity {
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const email = [account.email, account.userPrincipalName]
    .map(text)
    .find((e) => /^[^\s@]{1,100}@[^\s@]{1,200}$/.test(e));
  return {
    platform: "teams",
    userId: (text(account.aadObjectId) || text(account.id)).slice(0, 200),
    displayName: text(account.name).slice(0, 200) || "Teams user",
    ...(email ? { email: email.toLowerCase() } : {}),
  };
}

/** A well-formed mention entity. */
export interface MentionEntity {
  type: "mention";
  text: string;
  mentioned: { id: string; name?: string; aadObjectId?: string };
}

/** The mention entities of an activity, dropping malformed ones (a hostile payload must not crash the turn). */
export function mentionsOf(activity: Partial<Activity>): MentionEntity[] {
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  return entities
    .filter((e): e is MentionEntity => {
      const m = e as Partial<MentionEntity> | null;
      return (
        !!m &&
        typeof m.type === "string" &&
        m.type.toLowerCase() === "mention" &&
        typeof m.text === "string" &&
        !!m.text &&
        typeof m.mentioned?.id === "string"
      );
    })
    .slice(0, 25)
    .map((m) => ({ ...m, type: "mention" }));
}

/** True for a mention of a person (not a bot, channel, team or tag). */
export function isPersonMention(m: MentionEntity): boolean {
  return m.mentioned.id.startsWith("29:") || m.mentioned.id.startsWith("8:orgid:") || !!m.mentioned.aadObjectId;
}

/** The command text with the bot's mention removed, whether the bot was addressed, and the other mentions. */
export function commandLine(activity: Partial<Activity>): {
  text: string;
  addressed: boolean;
  people: MentionEntity[];
  others: MentionEntity[];
} {
  const mentions = mentionsOf(activity);
  const botId = activity.recipient?.id ?? "";
  const ofBot = mentions.filter((m) => m.mentioned.id === botId);
  const clone = {
    text: typeof activity.text === "string" ? activity.text : "",
    recipient: { id: botId, name: "" },
    entities: mentions,
  } as Partial<Activity>;
  let text = TurnContext.removeRecipientMention(clone as Activity) ?? "";
  for (const m of ofBot) text = text.split(m.text).join(" ");
  text = text.replace(/&nbsp;|\u00a0/g, " ").trim();
  const addressed =
    activity.conversation?.conversationType === "personal" || ofBot.length > 0 || !activity.conversation?.isGroup;
  const rest = mentions.filter((m) => m.mentioned.id !== botId);
  return { text, addressed, people: rest.filter(isPersonMention), others: rest.filter((m) => !isPersonMention(m)) };
}

/** Replaces the first occurrence of `find` in `text` (literally, no patterns). */
export function replaceOnce(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  return at < 0 ? text : text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** An Action.Submit payload: which action, the entity id, the form inputs and which inputs are people. */
export interface Submission {
  actionId: string;
  value: string;
  inputs: Record<string, string>;
  people: string[];
}

const RESERVED = new Set(["actionId", "value", "people", "msteams"]);

/** Reads `activity.value` from an Action.Submit; anything malformed is refused (undefined); lengths and characters are the core's to check. */
export function parseSubmission(value: unknown): Submission | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  if (typeof data.actionId !== "string" || !/^[a-z][\w.-]{0,63}$/i.test(data.actionId)) return undefined;
  const entity = typeof data.value === "string" ? data.value : "";
  const inputs: Record<string, string> = {};
  for (const [key, raw] of Object.entries(data).slice(0, 30)) {
    if (RESERVED.has(key) || !/^[a-z][\w-]{0,39}$/i.test(key) || typeof raw !== "string") continue;
    inputs[key] = raw;
  }
  const people = Array.isArray(data.people)
    ? data.people.filter((p): p is string => typeof p === "string" && p in inputs)
    : [];
  return { actionId: data.actionId, value: entity, inputs, people };
}
