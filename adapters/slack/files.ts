/**
 * Files in Slack. Sending: files.uploadV2 (files.getUploadURLExternal, the upload, files.completeUploadExternal)
 * into the conversation or a thread; where the bot may not post, into the person's direct message instead.
 * Reading (for `import`): files.info for each file id, then url_private_download with the bot token as a Bearer
 * header, only on Slack's files host, never more than the import limit.
 */
import type { webApi } from "@slack/bolt";
import { MAX_IMPORT_BYTES, type IncomingFile } from "../../src/core/incoming.js";
import type { OutgoingFile } from "../../src/core/reply.js";
import type { Logger } from "../../src/logger.js";
import { classify } from "./errors.js";
import { SLACK_RESPONSE_HOST, type OriginSeal } from "./origin-seal.js";

/** Slack's host for private file downloads. */
export const SLACK_FILES_HOST = "files.slack.com";

/** A file that could not be read from Slack, with a sentence for the person. */
export class SlackFileError extends Error {
  constructor(readonly forPerson: string) {
    super(forPerson);
    this.name = "SlackFileError";
  }
}

/** Where the bot token may be sent for a download: Slack's files host, or SLACK_API_URL's host (proxies, tests). */
export function downloadHosts(seal: OriginSeal): string[] {
  return [SLACK_FILES_HOST, ...seal.responseHosts.filter((h) => h !== SLACK_RESPONSE_HOST)];
}

function allowedDownload(url: string, hosts: readonly string[]): boolean {
  try {
    const u = new URL(url);
    if (u.username || u.password || !hosts.includes(u.host)) return false;
    return u.protocol === "https:" || (u.protocol === "http:" && u.host !== SLACK_FILES_HOST);
  } catch {
    return false;
  }
}

/** Reads a response body up to `limit` + 1 bytes, so an oversize file is known without reading all of it. */
async function readAtMost(body: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let read = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    read += chunk.length;
    if (read > limit) break;
  }
  return Buffer.concat(chunks);
}

/**
 * GETs a private file with the bot token. A redirect is followed (a few times) only within the allowed hosts,
 * so the token never leaves Slack; a redirect anywhere else (the sign-in page a missing token leads to) fails.
 */
async function download(url: string, token: string, hosts: readonly string[]): Promise<Response | undefined> {
  let next = url;
  for (let hop = 0; hop < 3; hop++) {
    const res = await fetch(next, {
      headers: { Authorization: `Bearer ${token}` },
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
    if (!location) return res;
    next = new URL(location, next).href;
    if (!allowedDownload(next, hosts)) return undefined;
  }
  return undefined;
}

/** Looks up and downloads uploaded files by id; a file over the limit comes back with its size and no bytes. */
export async function readSlackFiles(
  client: webApi.WebClient,
  ids: readonly string[],
  hosts: readonly string[],
  log: Logger,
): Promise<IncomingFile[]> {
  if (ids.length > 1) throw new SlackFileError("Share one file at a time.");
  const files: IncomingFile[] = [];
  for (const id of ids) {
    let info: webApi.FilesInfoResponse["file"];
    try {
      info = (await client.files.info({ file: id })).file;
    } catch (err) {
      log.warn({ err: classify(err), file: id }, "files.info failed");
      throw new SlackFileError("Slack did not let me read that file; share it again.");
    }
    const name = typeof info?.name === "string" && info.name ? info.name : "file";
    const size = typeof info?.size === "number" ? info.size : 0;
    if (size > MAX_IMPORT_BYTES) {
      files.push({ name, size, bytes: new Uint8Array() });
      continue;
    }
    const url = info?.url_private_download;
    if (typeof url !== "string" || !allowedDownload(url, hosts))
      throw new SlackFileError(`${name} is not stored in Slack (an external file?); upload the file itself.`);
    const res = await download(url, client.token ?? "", hosts).catch((err: unknown) => {
      log.warn({ err: classify(err), file: id }, "file download failed");
      return undefined;
    });
    if (!res?.ok || !res.body) throw new SlackFileError(`I could not download ${name} from Slack; share it again.`);
    const bytes = await readAtMost(res.body, MAX_IMPORT_BYTES);
    files.push({ name, size: Math.max(size, bytes.length), bytes });
  }
  return files;
}

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
