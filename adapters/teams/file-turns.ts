/** The turns that carry files: a reply's file offered in the personal chat (or a link to it), and the consent answers. */
import { ActivityTypes, type TurnContext } from "botbuilder";
import { textReply, type Reply } from "../../src/core/reply.js";
import type { Logger } from "../../src/logger.js";
import { fileInfoCard, uploadToConsentUrl, type FileOffers } from "./files.js";

/** The link that opens the personal chat with the bot. */
export function personalChatLink(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}`;
}

/** After the reply: in the personal chat a consent card for its file; elsewhere a link to the personal chat. */
export async function offerFile(
  ctx: TurnContext,
  reply: Reply,
  offers: FileOffers,
  now: number,
  send: (r: Reply) => Promise<void>,
): Promise<void> {
  const file = reply.kind === "form" ? undefined : reply.file;
  if (!file) return;
  if (ctx.activity.conversation?.conversationType === "personal") {
    await ctx.sendActivity({ attachments: [offers.offer(file, ctx.activity.from.id, now)] });
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
  offers: FileOffers,
  now: number,
  log: Logger,
  send: (r: Reply) => Promise<void>,
): Promise<void> {
  const value = (ctx.activity.value ?? {}) as {
    action?: unknown;
    context?: { token?: unknown };
    uploadInfo?: { name?: unknown; uploadUrl?: unknown; contentUrl?: unknown; uniqueId?: unknown; fileType?: unknown };
  };
  await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
  const file = offers.take(value.context?.token, ctx.activity.from.id, now);
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
