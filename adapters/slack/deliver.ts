/**
 * Answers an interactive request after the ack: through response_url first (works in any channel,
 * ephemeral or in_channel, can replace the clicked card), then the Web API, and when Slack refuses,
 * a direct message telling the person in plain words. Nothing here throws.
 */
import type { RespondArguments, webApi } from "@slack/bolt";
import { textReply, type Reply } from "../../src/core/reply.js";
import type { Logger } from "../../src/logger.js";
import type { SlackContext } from "./context.js";
import { classify, explainToPerson } from "./errors.js";
import { renderReply } from "./render.js";
import { safeUrl } from "./text.js";

/** Where the answer to one request goes. */
export interface ReplyTarget {
  client: webApi.WebClient;
  userId: string;
  channelId?: string;
  responseUrl?: string;
  /** Replace the message the request came from (a clicked card) when the reply is a card. */
  replace?: boolean;
  /** The clicked message, for chat.update when response_url is unusable (not for ephemeral messages). */
  messageTs?: string;
  /** The clicked message was ephemeral: only the clicker sees it. */
  sourceEphemeral?: boolean;
}

/** How a reply meets the message it answers: replace it, move it into the channel, or come as a new message. */
type Placement = "replace" | "move" | "new";

/**
 * A card answering a click replaces the clicked card when both are seen by the same people; a change
 * the whole channel should see, clicked on a private card, moves into the channel; a private card never
 * replaces a message everyone sees.
 */
function placement(target: ReplyTarget, reply: Reply): Placement {
  if (target.replace !== true || reply.kind !== "card") return "new";
  const visibleToAll = reply.visibility === "conversation";
  if (visibleToAll && target.sourceEphemeral) return "move";
  return visibleToAll || target.sourceEphemeral ? "replace" : "new";
}

/** POSTs a message to a response_url as Slack expects (JSON); throws with `status` on a non-2xx answer. */
export async function postToResponseUrl(url: string, body: object): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    redirect: "error",
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw Object.assign(new Error(`response_url answered HTTP ${res.status}`), { status: res.status });
}

/** Who sees a message sent through the ack or a response_url: the conversation, or the person alone. */
function responseType(reply: Reply): "in_channel" | "ephemeral" {
  return reply.visibility === "conversation" ? "in_channel" : "ephemeral";
}

/** A reply as the body of a slash command's ack. */
export function slackMessage(reply: Reply): RespondArguments {
  return { ...renderReply(reply, "message"), response_type: responseType(reply) };
}

/** Delivers a reply (text or card) to the person or conversation; logs and explains failures. */
export async function deliverReply(target: ReplyTarget, reply: Reply, log: Logger): Promise<void> {
  const message = renderReply(reply, "message");
  const visibleToAll = reply.visibility === "conversation";
  const place = placement(target, reply);
  const responseUrl = target.responseUrl ? safeUrl(target.responseUrl) : undefined;
  if (responseUrl) {
    try {
      await postToResponseUrl(responseUrl, {
        ...message,
        response_type: responseType(reply),
        replace_original: place === "replace",
      });
      if (place === "move") await postToResponseUrl(responseUrl, { delete_original: true });
      return;
    } catch (err) {
      log.warn({ err: classify(err) }, "response_url failed; falling back to the Web API");
    }
  }
  try {
    await viaWebApi(target, message, visibleToAll, place === "replace");
  } catch (err) {
    log.warn({ err: classify(err), channel: target.channelId }, "Slack refused the reply");
    await tellPerson(target, explainToPerson(err), log);
  }
}

async function viaWebApi(
  target: ReplyTarget,
  message: ReturnType<typeof renderReply>,
  visibleToAll: boolean,
  replace: boolean,
): Promise<void> {
  const { client, channelId } = target;
  if (!channelId) {
    await tellPerson(target, message, undefined);
    return;
  }
  if (replace && target.messageTs) {
    await client.chat.update({ channel: channelId, ts: target.messageTs, ...message });
  } else if (visibleToAll) {
    await client.chat.postMessage({ channel: channelId, ...message, unfurl_links: false, unfurl_media: false });
  } else {
    await client.chat.postEphemeral({ channel: channelId, user: target.userId, ...message });
  }
}

/** A direct message to the person: a plain sentence, or a rendered message. */
export async function tellPerson(
  target: Pick<ReplyTarget, "client" | "userId">,
  what: string | ReturnType<typeof renderReply>,
  log: Logger | undefined,
): Promise<void> {
  const message = typeof what === "string" ? { text: what } : what;
  try {
    const opened = await target.client.conversations.open({ users: target.userId });
    if (!opened.channel?.id) throw new Error("conversations.open returned no channel");
    await target.client.chat.postMessage({
      channel: opened.channel.id,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (err) {
    if (!log) throw err;
    log.error({ err: classify(err), user: target.userId }, "could not reach the person at all");
  }
}

/**
 * The listener skeleton after the ack: runs `work` tracked by the context, and when it fails tells the
 * person in one line what failed, with the reference the log carries.
 */
export function answerAfterAck(
  ctx: Pick<SlackContext, "later" | "log">,
  what: string,
  failed: string,
  target: ReplyTarget,
  work: () => Promise<void>,
): Promise<void> {
  return ctx.later(what, work, (ref) =>
    deliverReply({ ...target, replace: false }, textReply(`Something went wrong ${failed} (ref ${ref}).`), ctx.log),
  );
}
