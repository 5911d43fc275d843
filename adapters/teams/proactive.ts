/**
 * Proactive turns over botbuilder's CloudAdapter: continueConversationAsync into a stored
 * conversation, or createConversationAsync for a new channel thread or personal chat. Errors
 * inside the turn are carried out to the caller (the adapter's onTurnError would swallow them),
 * and messages are sent with the turn's connector client so no reply-to id is ever attached.
 */
import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
} from "botbuilder";
import type { Reply } from "../../src/core/reply.js";
import type { ConnectorClient } from "./auth.js";
import { renderReply } from "./render.js";

/** A stored conversation reference. */
export type Ref = Partial<ConversationReference>;

/** What a proactive turn's work receives: the turn and its connector client. */
export type ProactiveWork<T> = (ctx: TurnContext, connector: ConnectorClient) => Promise<T>;

async function captured<T>(
  start: (logic: (ctx: TurnContext) => Promise<void>) => Promise<void>,
  work: ProactiveWork<T>,
): Promise<T> {
  const outcome: { value?: T; error?: unknown; ran: boolean } = { ran: false };
  await start(async (ctx) => {
    try {
      outcome.value = await work(ctx, ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey));
      outcome.ran = true;
    } catch (error) {
      outcome.error = error;
    }
  });
  if (!outcome.ran) throw outcome.error ?? new Error("the proactive turn did not run");
  return outcome.value as T;
}

/** A reference pointed at another conversation id (a thread of the stored channel, say). */
export function withConversation(ref: Ref, conversationId: string): Ref {
  return {
    ...ref,
    conversation: { ...(ref.conversation ?? { isGroup: false, name: "", conversationType: "" }), id: conversationId },
  };
}

/** Runs `work` in a turn continuing `conversationId` from a stored reference. */
export function continueIn<T>(
  adapter: CloudAdapter,
  appId: string,
  ref: Ref,
  conversationId: string,
  work: ProactiveWork<T>,
): Promise<T> {
  return captured(
    (logic) => adapter.continueConversationAsync(appId, withConversation(ref, conversationId), logic),
    work,
  );
}

/** Creates a conversation (POST v3/conversations) at `serviceUrl` and runs `work` in it. */
export function createIn<T>(
  adapter: CloudAdapter,
  appId: string,
  serviceUrl: string,
  params: Record<string, unknown>,
  work: ProactiveWork<T>,
): Promise<T> {
  const audience = undefined as unknown as string;
  return captured(
    (logic) =>
      adapter.createConversationAsync(
        appId,
        "msteams",
        serviceUrl,
        audience,
        params as unknown as ConversationParameters,
        logic,
      ),
    work,
  );
}

/** The rendered reply addressed from the bot into the reference's conversation, replying to nothing. */
export function activityFor(ref: Ref, reply: Reply): Activity {
  const activity = TurnContext.applyConversationReference({ ...renderReply(reply) } as Partial<Activity>, ref);
  delete activity.replyToId;
  return activity as Activity;
}

/** Sends a reply as a new message in `conversationId` (POST v3/conversations/{id}/activities); returns its id. */
export async function sendNew(
  connector: ConnectorClient,
  ref: Ref,
  conversationId: string,
  reply: Reply,
): Promise<string> {
  const sent = await connector.conversations.sendToConversation(
    conversationId,
    activityFor(withConversation(ref, conversationId), reply),
  );
  return sent.id ?? "";
}
