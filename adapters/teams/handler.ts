/**
 * The Teams turn: save the conversation reference, turn a message into a command or a card
 * submission for the core, and answer in the turn (a submission replaces its card in place).
 * Nothing here throws: connector failures are retried briefly, then logged.
 */
import type { TurnContext } from "botbuilder";
import type { Bot } from "../../src/core/bot.js";
import type { Identity, Incoming } from "../../src/core/incoming.js";
import { textReply, type Reply } from "../../src/core/reply.js";
import type { Services } from "../../src/app/services.js";
import type { Logger } from "../../src/logger.js";
import type { ConversationRepository } from "../../src/storage/repositories/conversation-repository.js";
import { toDeliveryError, withRetry, type RetryPolicy, TURN_RETRY } from "./errors.js";
import { ME_CHOICE } from "./form-card.js";
import type { MemberDirectory } from "./members.js";
import { commandLine, conversationOf, identityOf, parseSubmission, type Submission } from "./parse.js";
import { TEAMS_CAPABILITIES } from "./profile.js";
import { forgetConversation, isBotAddition, isBotRemoval, rememberConversation } from "./references.js";
import { renderReply } from "./render.js";
import { answerWithFile, onFileConsent } from "./file-turns.js";
import { attachedFiles } from "./files.js";

/** What a turn needs. */
export interface TurnDeps {
  bot: Bot;
  services: Services;
  conversations: ConversationRepository;
  directory: MemberDirectory;
  log: Logger;
  retry?: RetryPolicy;
}

const LOOKS_LIKE_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|29:[\w-]+)$/i;

/** Builds the function CloudAdapter.process runs for every inbound activity. */
export function createTurnHandler(deps: TurnDeps): (ctx: TurnContext) => Promise<void> {
  const { bot, services, log } = deps;
  const retry = deps.retry ?? TURN_RETRY;
  const store = { conversations: deps.conversations, people: services.people };

  async function send(ctx: TurnContext, reply: Reply): Promise<void> {
    try {
      await withRetry(() => ctx.sendActivity(renderReply(reply)), retry);
    } catch (err) {
      const failure = toDeliveryError(err);
      log.warn({ err: failure.message, conversation: ctx.activity.conversation?.id }, "teams: reply not delivered");
      if (failure.conversationGone) await forgetConversation(store, ctx.activity, services.clock());
    }
  }

  async function replace(ctx: TurnContext, cardId: string, reply: Reply): Promise<void> {
    try {
      await withRetry(() => ctx.updateActivity({ ...renderReply(reply), id: cardId }), retry);
    } catch (err) {
      log.warn({ err: toDeliveryError(err).message }, "teams: card not updated; replying instead");
      await send(ctx, reply);
    }
  }

  async function resolvePeopleInputs(
    ctx: TurnContext,
    sub: Submission,
    actor: Identity,
  ): Promise<Record<string, Identity>> {
    const mentions: Record<string, Identity> = {};
    for (const field of sub.people) {
      const raw = (sub.inputs[field] ?? "").trim();
      if (!raw || raw.startsWith("@")) continue;
      if (raw === ME_CHOICE) {
        mentions[`@${actor.userId}`] = actor;
        sub.inputs[field] = `@${actor.userId}`;
        continue;
      }
      const identity = LOOKS_LIKE_ID.test(raw) ? await deps.directory.lookup(ctx, raw) : undefined;
      const token = `@${identity?.userId ?? raw}`;
      if (identity) mentions[token] = identity;
      sub.inputs[field] = token;
    }
    return mentions;
  }

  async function onSubmit(ctx: TurnContext, actor: Identity): Promise<void> {
    const sub = parseSubmission(ctx.activity.value);
    if (!sub) return send(ctx, textReply("That card action is not one I know; run the command again."));
    const mentions = await resolvePeopleInputs(ctx, sub, actor);
    const incoming: Incoming = {
      kind: "action",
      actionId: sub.actionId,
      value: sub.value,
      inputs: sub.inputs,
      actor,
      conversation: conversationOf(ctx.activity),
      mentions,
      capabilities: TEAMS_CAPABILITIES,
    };
    const reply = await bot.handle(incoming);
    const cardId = ctx.activity.replyToId;
    if (reply.kind !== "text" && cardId) return replace(ctx, cardId, reply);
    return send(ctx, reply);
  }

  async function onCommand(ctx: TurnContext, actor: Identity): Promise<void> {
    const line = commandLine(ctx.activity);
    if (!line.addressed) return;
    const files = ctx.activity.conversation?.conversationType === "personal" ? await attachedFiles(ctx.activity) : [];
    const typed = line.text || (files.length ? "import" : "help");
    const { text, mentions } = await deps.directory.resolveMentions(ctx, typed, line.people, line.others);
    const reply = await bot.handle({
      kind: "command",
      text,
      ...(files.length ? { files } : {}),
      actor,
      conversation: conversationOf(ctx.activity),
      mentions,
      capabilities: TEAMS_CAPABILITIES,
    });
    await answerWithFile(ctx, reply, services.fileOffers, services.clock(), (r) => send(ctx, r));
  }

  return async (ctx) => {
    const activity = ctx.activity;
    const now = services.clock();
    if (isBotRemoval(activity)) return forgetConversation(store, activity, now);
    const actor = activity.type === "message" ? await deps.directory.sender(ctx) : undefined;
    try {
      await rememberConversation(
        store,
        activity,
        actor ?? (typeof activity.from?.id === "string" && activity.from.id ? identityOf(activity.from) : undefined),
        now,
      );
    } catch (err) {
      log.error({ err }, "teams: could not save the conversation reference");
    }
    if (isBotAddition(activity))
      return send(
        ctx,
        textReply(
          "Thanks for adding me. Type ",
          { code: "help" },
          " (in a channel, @mention me first) to see what I can do.",
        ),
      );
    if (activity.type === "invoke" && activity.name === "fileConsent/invoke")
      return onFileConsent(ctx, services.fileOffers, now, log, (r) => send(ctx, r));
    if (activity.type !== "message" || !actor) return;
    const hasValue = activity.value !== undefined && activity.value !== null;
    if (hasValue && !(typeof activity.text === "string" && activity.text.trim())) return onSubmit(ctx, actor);
    return onCommand(ctx, actor);
  };
}
