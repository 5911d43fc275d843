/**
 * Proactive messages in Teams (the Messenger the outbox dispatcher drives). Every send starts from
 * a stored conversation reference: a channel post creates a new thread (POST v3/conversations),
 * a thread reply or chat message posts into that conversation, an update replaces the activity,
 * and a DM reuses the person's personal chat or creates one in the tenant. Failures become
 * DeliveryError; "the bot was removed" marks the conversation inactive so it is never tried again.
 */
import type { CloudAdapter } from "botbuilder";
import { DeliveryError, type Messenger, type SentMessage } from "../../src/core/messenger.js";
import type { OutgoingFile, Reply } from "../../src/core/reply.js";
import type { Logger } from "../../src/logger.js";
import type {
  ConversationRepository,
  StoredConversation,
} from "../../src/storage/repositories/conversation-repository.js";
import type { PeopleRepository } from "../../src/storage/repositories/people-repository.js";
import { toDeliveryError } from "./errors.js";
import { activityFor, continueIn, createIn, type Ref, sendNew, withConversation } from "./proactive.js";
import { referenceFor } from "./references.js";
import type { TeamsUserIds } from "./user-ids.js";
import { TEAMS_PROFILE } from "./profile.js";
import { renderReply } from "./render.js";
import { prepareFile, sendOffer } from "./proactive-files.js";
import type { FileOfferRepository } from "../../src/storage/repositories/file-offer-repository.js";

/** What the messenger needs. */
export interface TeamsMessengerDeps {
  adapter: CloudAdapter;
  /** The bot's Microsoft App ID ("" when authentication is off). */
  appId: string;
  conversations: ConversationRepository;
  people: PeopleRepository;
  /** Teams ids (29:…) learnt from activities, to address a new personal chat (object id as fallback). */
  userIds?: TeamsUserIds;
  /** Where files offered with a consent card wait for the answer (without it, files are left off). */
  offers?: FileOfferRepository;
  clock: () => Date;
  log: Logger;
}

type Reachable = StoredConversation & { ref: Ref };

/** The message id a new channel thread's conversation id ends with (`19:…;messageid=<id>`). */
export function threadRootId(threadId: string): string | undefined {
  return /;messageid=([^;]+)$/.exec(threadId)?.[1];
}

function tenantParams(ref: Ref): Record<string, unknown> {
  const tenantId = ref.conversation?.tenantId;
  return tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : { channelData: {} };
}

export function createTeamsMessenger(deps: TeamsMessengerDeps): Messenger {
  const { adapter, appId } = deps;

  async function reachable(workspace: string, conversationId: string): Promise<Reachable> {
    const id = conversationId.split(";")[0] ?? conversationId;
    const row = await deps.conversations.get({ workspace, platform: "teams", id });
    if (!row || typeof row.reference.serviceUrl !== "string")
      throw new DeliveryError(
        `No Teams conversation reference for ${conversationId}; the bot was never installed there`,
        true,
      );
    if (!row.active) throw new DeliveryError(`The bot was removed from ${conversationId}`, true, undefined, true);
    return { ...row, ref: row.reference as Ref };
  }

  async function guarded<T>(row: StoredConversation | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const failure = toDeliveryError(err);
      deps.log.warn({ err: failure.message, conversation: row?.id }, "teams: proactive message failed");
      throw failure;
    }
  }

  const sendInto = (row: Reachable, conversationId: string, reply: Reply) =>
    continueIn(adapter, appId, row.ref, conversationId, (_ctx, connector) =>
      sendNew(connector, row.ref, conversationId, reply),
    );

  async function newThread(row: Reachable, reply: Reply): Promise<SentMessage> {
    const base = tenantParams(row.ref);
    const params = {
      ...base,
      isGroup: true,
      bot: row.ref.bot,
      channelData: { ...(base.channelData as object), channel: { id: row.id } },
      activity: renderReply(reply),
    };
    const threadId = await createIn(
      adapter,
      appId,
      String(row.ref.serviceUrl),
      params,
      async (ctx) => ctx.activity.conversation?.id ?? "",
    );
    if (!threadId) throw new DeliveryError("Teams did not return the new thread's id", false);
    return { threadId, messageId: threadRootId(threadId) ?? threadId };
  }

  async function createPersonal(
    workspace: string,
    userId: string,
    reply: Reply,
  ): Promise<SentMessage & { conversationId: string }> {
    const base = await deps.conversations.latestActive(workspace, "teams");
    if (!base || typeof base.reference.serviceUrl !== "string")
      throw new DeliveryError(`No Teams conversation known in ${workspace}; install the app first`, true);
    const ref = base.reference as Ref;
    const member = deps.userIds?.teamsIdOf(workspace, userId) ?? userId;
    const params = { ...tenantParams(ref), isGroup: false, bot: ref.bot, members: [{ id: member }] };
    return createIn(adapter, appId, String(ref.serviceUrl), params, async (ctx, connector) => {
      const conversationId = ctx.activity.conversation?.id ?? "";
      const reference = { ...referenceFor(ctx.activity, conversationId), bot: ref.bot } as Ref;
      const messageId = await sendNew(connector, reference, conversationId, reply);
      const person = await deps.people.byPlatformId(workspace, userId);
      await deps.conversations.remember(
        {
          workspace,
          platform: "teams",
          id: conversationId,
          kind: "personal",
          reference: reference as Record<string, unknown>,
          ...(person ? { personId: person.id } : {}),
        },
        deps.clock(),
      );
      return { conversationId, threadId: conversationId, messageId };
    });
  }

  const botIdOf = (ref: Ref) => String(ref.bot?.id ?? appId);

  /** After a message in a personal chat: the consent card for its file, offered to the chat's person. */
  async function offerIn(
    ref: Ref,
    conversationId: string,
    workspace: string,
    userId: string | undefined,
    file: OutgoingFile,
  ): Promise<void> {
    if (!deps.offers) return;
    if (!userId)
      return deps.log.warn(
        { conversation: conversationId },
        "teams: personal chat of an unknown person; file left off",
      );
    await sendOffer(
      { adapter, appId, offers: deps.offers, clock: deps.clock, log: deps.log },
      ref,
      conversationId,
      { workspace, userId },
      file,
    );
  }

  async function personOf(row: StoredConversation): Promise<string | undefined> {
    if (row.personId === null) return undefined;
    return (await deps.people.byId(row.workspace, row.personId))?.platformUserId;
  }

  return {
    profile: TEAMS_PROFILE,
    async post(target, original) {
      const row = await reachable(target.workspace, target.conversationId);
      const { reply, offer } = prepareFile(original, row.kind, botIdOf(row.ref));
      const sent = await guarded(row, async () =>
        row.kind === "channel"
          ? newThread(row, reply)
          : { threadId: row.id, messageId: await sendInto(row, row.id, reply) },
      );
      if (offer) await offerIn(row.ref, row.id, row.workspace, await personOf(row), offer);
      return sent;
    },
    async reply(target, threadId, original) {
      const row = await reachable(target.workspace, target.conversationId);
      const { reply, offer } = prepareFile(original, row.kind, botIdOf(row.ref));
      const conversationId =
        row.kind !== "channel"
          ? row.id
          : threadId.startsWith(`${row.id};messageid=`)
            ? threadId
            : `${row.id};messageid=${threadId}`;
      const sent = await guarded(row, async () => ({
        threadId: conversationId,
        messageId: await sendInto(row, conversationId, reply),
      }));
      if (offer) await offerIn(row.ref, row.id, row.workspace, await personOf(row), offer);
      return sent;
    },
    async update(target, messageId, reply) {
      const row = await reachable(target.workspace, target.conversationId);
      const inThread = target.conversationId.includes(";messageid=");
      const conversationId =
        row.kind === "channel" && !inThread ? `${row.id};messageid=${messageId}` : target.conversationId;
      const activity = { ...activityFor(withConversation(row.ref, conversationId), reply), id: messageId };
      await guarded(row, () =>
        continueIn(adapter, appId, row.ref, conversationId, (_ctx, connector) =>
          connector.conversations.updateActivity(conversationId, messageId, activity),
        ),
      );
    },
    async dm(workspace, platformUserId, original) {
      const person = await deps.people.byPlatformId(workspace, platformUserId);
      const known = person ? await deps.conversations.personal(workspace, "teams", person.id) : undefined;
      if (known && !known.active)
        throw new DeliveryError(`${platformUserId} removed the bot from their personal chat`, true, undefined, true);
      const { reply, offer } = prepareFile(original, "personal", appId);
      if (!known) {
        const sent = await guarded(undefined, () => createPersonal(workspace, platformUserId, reply));
        const row = await deps.conversations.get({ workspace, platform: "teams", id: sent.conversationId });
        if (offer && row) await offerIn(row.reference as Ref, sent.conversationId, workspace, platformUserId, offer);
        return sent;
      }
      const row = await reachable(workspace, known.id);
      const sent = await guarded(row, async () => ({
        conversationId: row.id,
        threadId: row.id,
        messageId: await sendInto(row, row.id, reply),
      }));
      if (offer) await offerIn(row.ref, row.id, workspace, platformUserId, offer);
      return sent;
    },
  };
}
