/**
 * Inbound Teams activities shaped like real captures (platform facts §3.4): personal messages,
 * channel @mentions with mention entities, Action.Submit card submissions and install events.
 * Each takes the fake connector's serviceUrl so the bot's replies go to the fake.
 */
import type { FakeMember } from "../fakes/bot-connector.js";

/** The test tenant. */
export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
/** The bot as Teams names it (28:<app id>). */
export const BOT = { id: "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", name: "SecOps" };
/** A channel and its team. */
export const CHANNEL = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";
export const TEAM = "19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2";

/** People in the tenant; Ada is listed in SECOPS_ADMINS. */
export const ADA: FakeMember = {
  id: "29:1ada-mri",
  name: "Ada Admin",
  aadObjectId: "a0000000-0000-4000-8000-000000000001",
  email: "ada@contoso.com",
  userPrincipalName: "ada@contoso.com",
};
export const DANA: FakeMember = {
  id: "29:1dana-mri",
  name: "Dana Lee",
  aadObjectId: "d0000000-0000-4000-8000-000000000002",
  email: "dana@contoso.com",
  userPrincipalName: "dana@contoso.com",
};
export const EVE: FakeMember = {
  id: "29:1eve-mri",
  name: "Eve Analyst",
  aadObjectId: "e0000000-0000-4000-8000-000000000003",
  email: "eve@contoso.com",
  userPrincipalName: "eve@contoso.com",
};

type Json = Record<string, unknown>;
let counter = 1_759_944_781_000;

function from(member: FakeMember): Json {
  return { id: member.id, name: member.name, aadObjectId: member.aadObjectId };
}

function personalConversation(member: FakeMember): Json {
  return { conversationType: "personal", id: `a:personal-${member.aadObjectId}`, tenantId: TENANT };
}

/** The fields every inbound message shares: a fresh id, the sender, the bot as recipient. */
function envelope(serviceUrl: string, member: FakeMember): Json {
  return {
    type: "message",
    id: String(counter++),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: "msteams",
    from: from(member),
    recipient: BOT,
  };
}

/** A one-to-one message (no mention needed). */
export function personal(serviceUrl: string, member: FakeMember, text: string, extra: Json = {}): Json {
  return {
    ...envelope(serviceUrl, member),
    conversation: personalConversation(member),
    textFormat: "plain",
    text,
    entities: [{ type: "clientInfo", locale: "en-US", country: "US", platform: "Web", timezone: "Europe/Paris" }],
    channelData: { tenant: { id: TENANT } },
    locale: "en-US",
    ...extra,
  };
}

/** A channel message @mentioning the bot first; `people` are mentioned as `<at>Name</at>` inside `text`. */
export function channel(
  serviceUrl: string,
  member: FakeMember,
  text: string,
  people: FakeMember[] = [],
  thread = "1759881511856",
): Json {
  const botAt = `<at>${BOT.name}</at>`;
  return {
    ...envelope(serviceUrl, member),
    conversation: {
      id: `${CHANNEL};messageid=${thread}`,
      isGroup: true,
      conversationType: "channel",
      tenantId: TENANT,
    },
    text: `${botAt} ${text}`,
    textFormat: "plain",
    entities: [
      { type: "mention", text: botAt, mentioned: { id: BOT.id, name: BOT.name } },
      ...people.map((p) => ({ type: "mention", text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name } })),
      { type: "clientInfo", locale: "en-US", country: "US", platform: "Web", timezone: "Europe/Paris" },
    ],
    channelData: {
      teamsChannelId: CHANNEL,
      teamsTeamId: TEAM,
      channel: { id: CHANNEL, name: "SecOps" },
      team: { id: TEAM, name: "Security" },
      tenant: { id: TENANT },
    },
    locale: "en-US",
  };
}

/** An Action.Submit from a card: a message with `value` and no text, replying to the card's id. */
export function submit(
  serviceUrl: string,
  member: FakeMember,
  value: Json,
  replyToId: string,
  where: "personal" | "channel" = "personal",
): Json {
  const base = where === "personal" ? personal(serviceUrl, member, "") : channel(serviceUrl, member, "");
  const { text: _text, entities: _entities, ...rest } = base;
  return { ...rest, replyToId, value };
}

/** The bot added to a team (conversationUpdate in the General channel). */
export function botAddedToTeam(serviceUrl: string, member: FakeMember): Json {
  return {
    type: "conversationUpdate",
    id: `f:${counter++}`,
    serviceUrl,
    channelId: "msteams",
    from: from(member),
    recipient: BOT,
    membersAdded: [{ id: BOT.id }],
    conversation: { id: TEAM, isGroup: true, conversationType: "channel", tenantId: TENANT },
    channelData: { team: { id: TEAM, name: "Security" }, eventType: "teamMemberAdded", tenant: { id: TENANT } },
  };
}

/** The app installed or removed in a personal scope (installationUpdate). */
export function installation(serviceUrl: string, member: FakeMember, action: "add" | "remove"): Json {
  return {
    type: "installationUpdate",
    id: `f:${counter++}`,
    action,
    serviceUrl,
    channelId: "msteams",
    from: from(member),
    recipient: BOT,
    conversation: personalConversation(member),
    channelData: { tenant: { id: TENANT }, source: { name: "message" } },
  };
}
