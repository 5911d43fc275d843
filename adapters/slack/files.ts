/**
 * Slack's file delivery: files.uploadV2 (files.getUploadURLExternal, the upload, files.completeUploadExternal)
 * into the conversation or a thread; where the bot may not post, into the person's direct message instead.
 */
import type { webApi } from "@slack/bolt";
import type { OutgoingFile } from "../../src/core/reply.js";
import type { Logger } from "../../src/logger.js";

/** Uploads one file into a channel (or a thread of it). Throws what the Web API throws. */
export async function uploadFile(
  client: webApi.WebClient,
  channelId: string,
  file: OutgoingFile,
  threadTs?: string,
): Promise<void> {
  await client.files.uploadV2({
    channel_id: channelId,
    file: Buffer.from(file.base64, "base64"),
    filename: file.name,
    title: file.title,
    ...(file.alt ? { alt_text: file.alt.slice(0, 1000) } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  } as webApi.FilesUploadV2Arguments);
}

/** A command's file: into the channel it ran in, else into the person's DM; failures are logged, never thrown. */
export async function deliverFile(
  client: webApi.WebClient,
  channelId: string | undefined,
  userId: string,
  file: OutgoingFile,
  log: Logger,
): Promise<void> {
  try {
    if (channelId) return await uploadFile(client, channelId, file);
  } catch (err) {
    log.warn({ err, file: file.name }, "could not upload into the channel; sending it as a direct message");
  }
  try {
    const opened = await client.conversations.open({ users: userId });
    if (opened.channel?.id) await uploadFile(client, opened.channel.id, file);
  } catch (err) {
    log.error({ err, file: file.name }, "could not upload the file");
  }
}
