/**
 * Files on proactive messages (the monthly report, any outbox message carrying one): an image is drawn inside the
 * card; in a personal chat the message is followed by a file consent card whose offer is stored in the database;
 * a channel or group chat, where Teams lets a bot send no file, gets a pointer to the personal chat instead.
 */
import { TurnContext, type Activity, type Attachment, type CloudAdapter } from "botbuilder";
import type { OutgoingFile, Reply } from "../../src/core/reply.js";
import type { Logger } from "../../src/logger.js";
import type { FileOfferRepository } from "../../src/storage/repositories/file-offer-repository.js";
import { fileOf, personalChatPointer, withInlineImage } from "./file-turns.js";
import { offerFile } from "./files.js";
import { continueIn, type Ref, withConversation } from "./proactive.js";

/** A proactive reply made ready for one kind of conversation, and the file to offer after it, if any. */
export interface PreparedReply {
  reply: Reply;
  offer?: OutgoingFile;
}

/** Decides how the reply's file travels in a conversation of `kind`; `botId` is the bot's id there (for the link). */
export function prepareFile(reply: Reply, kind: "channel" | "group" | "personal", botId: string): PreparedReply {
  const file = fileOf(reply);
  if (!file || reply.kind === "form") return { reply };
  const inline = withInlineImage(reply);
  if (inline) return { reply: inline };
  const { file: _sent, ...bare } = reply;
  if (kind === "personal") return { reply: bare, offer: file };
  const pointer = personalChatPointer(file, botId);
  return bare.kind === "text"
    ? { reply: { ...bare, spans: [...bare.spans, "\n", ...pointer] } }
    : { reply: { ...bare, card: { ...bare.card, blocks: [...bare.card.blocks, { type: "text", spans: pointer }] } } };
}

/** What sending a consent card proactively needs. */
export interface OfferDeps {
  adapter: CloudAdapter;
  appId: string;
  offers: FileOfferRepository;
  clock: () => Date;
  log: Logger;
}

/** Sends the consent card for `file` into a personal chat; a failure is logged and never resends the message before it. */
export async function sendOffer(
  deps: OfferDeps,
  ref: Ref,
  conversationId: string,
  person: { workspace: string; userId: string },
  file: OutgoingFile,
): Promise<void> {
  try {
    const card: Attachment = await offerFile(deps.offers, person.workspace, person.userId, file, deps.clock());
    const message: Partial<Activity> = { type: "message", attachments: [card] };
    const activity = TurnContext.applyConversationReference(message, withConversation(ref, conversationId));
    delete activity.replyToId;
    await continueIn(deps.adapter, deps.appId, ref, conversationId, (_ctx, connector) =>
      connector.conversations.sendToConversation(conversationId, activity as Activity),
    );
  } catch (err) {
    deps.log.warn({ err, file: file.name, conversation: conversationId }, "teams: the file consent card was not sent");
  }
}
