/**
 * The "Slack" side of the conversation: builds slash command, block_actions, view_submission and
 * Events API bodies in Slack's shapes and POSTs them signed with the v0 HMAC scheme, optionally
 * with a wrong signature, an old timestamp or X-Slack-Retry-Num.
 */
import { createHmac } from "node:crypto";
import { FAKE_TEAM } from "./slack-web-api-methods.js";

/** How to sign and send one request. */
export interface SendOptions {
  secret: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature. */
  signature?: string;
  retryNum?: number;
}

/** The v0 signature Slack puts in X-Slack-Signature. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** POSTs a raw body to the app's /slack/events the way Slack does. */
export async function sendSigned(url: string, body: string, contentType: string, o: SendOptions): Promise<Response> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": o.signature ?? signature(o.secret, timestamp, body),
  };
  if (o.retryNum !== undefined) {
    headers["X-Slack-Retry-Num"] = String(o.retryNum);
    headers["X-Slack-Retry-Reason"] = "http_timeout";
  }
  return fetch(url, { method: "POST", headers, body });
}

/** A slash command body (form-encoded), as Slack sends /secops. */
export function slashCommandBody(f: {
  text: string;
  userId: string;
  userName: string;
  channelId: string;
  channelName?: string;
  responseUrl: string;
  triggerId: string;
  /** The workspace it is typed in (default the fake's first). */
  teamId?: string;
}): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: f.teamId ?? FAKE_TEAM.team_id,
    team_domain: "fake-secops",
    channel_id: f.channelId,
    channel_name: f.channelName ?? "secops",
    user_id: f.userId,
    user_name: f.userName,
    command: "/secops",
    text: f.text,
    api_app_id: "A0FAKE",
    is_enterprise_install: "false",
    response_url: f.responseUrl,
    trigger_id: f.triggerId,
  }).toString();
}

/** A block_actions body for a button on a message (or on the Home tab when `home`). */
export function blockActionsBody(f: {
  userId: string;
  userName: string;
  channelId?: string;
  messageTs?: string;
  ephemeral?: boolean;
  home?: boolean;
  responseUrl?: string;
  triggerId: string;
  button: Record<string, unknown>;
}): string {
  const container = f.home
    ? { type: "view", view_id: "V0HOME" }
    : {
        type: "message",
        message_ts: f.messageTs ?? "1700000000.000100",
        channel_id: f.channelId,
        is_ephemeral: f.ephemeral ?? false,
      };
  const payload = {
    type: "block_actions",
    user: { id: f.userId, username: f.userName, name: f.userName, team_id: FAKE_TEAM.team_id },
    api_app_id: "A0FAKE",
    token: "deprecated-verification-token",
    container,
    trigger_id: f.triggerId,
    team: { id: FAKE_TEAM.team_id, domain: "fake-secops" },
    ...(f.home
      ? { view: { id: "V0HOME", type: "home", blocks: [] } }
      : { channel: { id: f.channelId, name: "secops" } }),
    ...(f.responseUrl ? { response_url: f.responseUrl } : {}),
    actions: [{ ...f.button, block_id: "b1", action_ts: "1700000001.000200" }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A view_submission body for a modal the bot opened, with the user's input states. */
export function viewSubmissionBody(f: {
  userId: string;
  userName: string;
  triggerId: string;
  view: Record<string, unknown>;
  values: Record<string, Record<string, unknown>>;
}): string {
  const payload = {
    type: "view_submission",
    team: { id: FAKE_TEAM.team_id, domain: "fake-secops" },
    user: { id: f.userId, username: f.userName, name: f.userName, team_id: FAKE_TEAM.team_id },
    api_app_id: "A0FAKE",
    token: "deprecated-verification-token",
    trigger_id: f.triggerId,
    view: { ...f.view, id: "V0MODAL", team_id: FAKE_TEAM.team_id, state: { values: f.values }, hash: "1700000000.abc" },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API envelope (JSON), from the fake's first workspace unless `teamId` names another. */
export function eventBody(eventId: string, event: Record<string, unknown>, teamId = FAKE_TEAM.team_id): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: teamId,
    api_app_id: "A0FAKE",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: FAKE_TEAM.bot_user_id, is_bot: true, is_enterprise_install: false }],
  });
}
