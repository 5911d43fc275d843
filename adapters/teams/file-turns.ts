/**
 * The turns and messages that carry files: a reply's file offered in the personal chat with a consent card
 * (the offer stored in the database), an image shown inline, a link to the personal chat elsewhere, and the
 * consent answers, which may reach any replica, even one started after the offer was made.
 */
import { ActivityTypes, type TurnContext } from "botbuilder";
import type { OutgoingFile, Reply, Span } from "../../src/core/reply.js";
import { textReply } from "../../src/core/reply.js";
import type { Logger } from "../../src/logger.js";
import type { FileOfferRepository } from "../../src/storage/repositories/file-offer-repository.js";
import { fileInfoCard, offerFile, takeOffer, uploadToConsentUrl } from "./files.js";
import { conversationOf, identityOf } from "./parse.js";

/** The link that opens the personal chat with the bot. */
export function personalChatLink(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}`;
}

/** Images Teams shows inside a card. */
const INLINE_IMAGE = /^image\/(png|jpeg|gif)$/;

/** The reply's file, if it has one. */
export function fileOf(reply: Reply): OutgoingFile | undefined {
  return reply.kind === "form" ? undefined : reply.file;
}

/** The reply with its image drawn inside the card (the renderer shows the alt text where the image is too large). */
export function withInlineImage(reply: Reply): Reply | undefined {
  const file = fileOf(reply);
  if (!file || !INLINE_IMAGE.test(file.mimeType) || reply.kind === "form") return undefined;
  const image = {
    type: "image" as const,
    alt: file.alt ?? file.title,
    dataUri: `data:${file.mimeType};base64,${file.base64}`,
  };
  const card =
    reply.kind === "card"
      ? { ...reply.card, blocks: [...reply.card.blocks, image] }
      : { title: file.title, blocks: [{ type: "text" as const, spans: reply.spans }, image] };
  return { kind: "card", card, visibility: reply.visibility };
}

/** For a channel or group chat, where no file can be sent: the way to the personal chat, and what to run there. */
export function personalChatPointer(file: OutgoingFile, botId: string): Span[] {
  const how: Span[] = file.command ? [" and run ", { code: file.command }, " there"] : [];
  return [
    `${file.title} is sent in personal chats, not here: open your personal chat with me`,
    ...how,
    ". ",
    { link: { label: "Open the personal chat", url: personalChatLink(botId) } },
  ];
}

/** Sends a command's reply with its file: an image inline, in the personal chat a consent card after it, elsewhere a link. */
export async function answerWithFile(
  ctx: TurnContext,
  reply: Reply,
  offers: FileOfferRepository,
  now: Date,
  send: (r: Reply) => Promise<void>,
): Promise<void> {
  const inline = withInlineImage(reply);
  await send(inline ?? reply);
  const file = fileOf(reply);
  if (!file || inline) return;
  if (ctx.activity.conversation?.conversationType === "personal") {
    const { workspace } = conversationOf(ctx.activity);
    const card = await offerFile(offers, workspace, identityOf(ctx.activity.from).userId, file, now);
    await ctx.sendActivity({ attachments: [card] });
    return;
  }
  await send(
    textReply(`Files come in our personal chat: run the command there to get ${file.title}. `, {
      link: { label: "Open the personal chat", url: personalChatLink(ctx.activity.recipient?.id ?? "") },
    }),
  );
}

/** Answers `fileConsent/invoke`: on accept uploads the file and shows it; on decline discards it. Always answers 200. */
export async function onFileConsent(
  ctx: TurnContext,
  offers: FileOfferRepository,
  now: Date,
  log: Logger,
  send: (r: Reply) => Promise<void>,
): Promise<void> {
  const value = (ctx.activity.value ?? {}) as {
    action?: unknown;
    context?: { token?: unknown };
    uploadInfo?: { name?: unknown; uploadUrl?: unknown; contentUrl?: unknown; uniqueId?: unknown; fileType?: unknown };
  };
  await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
  const { workspace } = conversationOf(ctx.activity);
  const file = await takeOffer(offers, value.context?.token, workspace, identityOf(ctx.activity.from).userId, now);
  if (!file) return send(textReply("That file is no longer waiting; export it again."));
  if (value.action !== "accept") return send(textReply(`${file.title} was not sent.`));
  const uploadUrl = value.uploadInfo?.uploadUrl;
  try {
    if (typeof uploadUrl !== "string" || !uploadUrl.startsWith("http")) throw new Error("no upload URL");
    await uploadToConsentUrl(uploadUrl, file);
    await ctx.sendActivity({ attachments: [fileInfoCard(value.uploadInfo ?? {})] });
  } catch (err) {
    log.warn({ err, file: file.name }, "teams: file upload failed");
    await send(textReply(`${file.title} could not be uploaded; export it again.`));
  }
}
