/**
 * Proactive Slack messages for the outbox dispatcher: post, reply in a thread, update, and DM.
 * The client it is given rejects rate-limited calls and does not retry, so the dispatcher owns all
 * waiting; every failure comes out as a DeliveryError (retryAfterMs, permanent, conversationGone). A reply's
 * file (the digest's chart) is uploaded into the message's thread; a failed upload never resends the message.
 * Each message goes out with the token of the workspace it is for (one token, or the workspace's installation).
 */
import type { webApi } from "@slack/bolt";
import type { DeliveryTarget, Messenger, SentMessage } from "../../src/core/messenger.js";
import type { Reply } from "../../src/core/reply.js";
import { toDeliveryError } from "./errors.js";
import { uploadFile } from "./files.js";
import { SLACK_PROFILE } from "./profile.js";
import { renderReply } from "./render.js";

/** The Web API options the messenger's client needs (the dispatcher owns retries and waiting). */
export const MESSENGER_CLIENT_OPTIONS = { rejectRateLimitedCalls: true, retryConfig: { retries: 0 } } as const;

/** Runs a Web API call and turns any failure into a DeliveryError. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toDeliveryError(err);
  }
}

/** The client for a workspace (`slack:<team>`), made with MESSENGER_CLIENT_OPTIONS; throws a DeliveryError when there is none. */
export type ClientForWorkspace = (workspace: string) => Promise<webApi.WebClient>;

/** Builds the Slack Messenger over one WebClient (one token) or a client per workspace. */
export function createSlackMessenger(clients: webApi.WebClient | ClientForWorkspace): Messenger {
  const clientFor: ClientForWorkspace = typeof clients === "function" ? clients : async () => clients;
  const send = async (workspace: string, channel: string, reply: Reply, threadTs?: string): Promise<SentMessage> => {
    const client = await clientFor(workspace);
    const message = renderReply(reply, "message");
    const result = await call(() =>
      client.chat.postMessage({
        channel,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      }),
    );
    const ts = result.ts;
    if (!ts) throw toDeliveryError(new Error("chat.postMessage returned no ts"));
    const file = reply.kind === "form" ? undefined : reply.file;
    if (file) await uploadFile(client, channel, file, threadTs ?? ts).catch(() => undefined);
    return { messageId: ts, threadId: threadTs ?? ts };
  };
  return {
    profile: SLACK_PROFILE,
    post: (target: DeliveryTarget, reply) => send(target.workspace, target.conversationId, reply),
    reply: (target, threadId, reply) => send(target.workspace, target.conversationId, reply, threadId),
    async update(target, messageId, reply) {
      const client = await clientFor(target.workspace);
      const message = renderReply(reply, "message");
      await call(() => client.chat.update({ channel: target.conversationId, ts: messageId, ...message }));
    },
    async dm(workspace, platformUserId, reply) {
      const client = await clientFor(workspace);
      const opened = await call(() => client.conversations.open({ users: platformUserId }));
      const channel = opened.channel?.id;
      if (!channel) throw toDeliveryError(new Error("conversations.open returned no channel"));
      return { ...(await send(workspace, channel, reply)), conversationId: channel };
    },
  };
}
