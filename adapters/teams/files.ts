/**
 * Files in Teams. Sending: in the personal chat a file consent card; when the person accepts, Teams
 * invokes `fileConsent/invoke` with an upload URL in their OneDrive, the bytes are PUT there and a file
 * info card follows; declining discards the file. Receiving: a file attached in the personal chat
 * arrives as a download-info attachment, read up to the import limit.
 */
import { randomBytes } from "node:crypto";
import type { Activity, Attachment } from "botbuilder";
import { MAX_IMPORT_BYTES, type IncomingFile } from "../../src/core/incoming.js";
import type { OutgoingFile } from "../../src/core/reply.js";
import type { FileOfferRepository } from "../../src/storage/repositories/file-offer-repository.js";

/** The attachment content type of a file shared in the personal chat. */
export const DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";

/** The attachment content type of a file consent card. */
export const FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";

/**
 * Stores the file as an offer to `userId` (in the database, so the answer may reach any replica, even after a
 * restart) and returns the consent card that offers it.
 */
export async function offerFile(
  offers: FileOfferRepository,
  workspace: string,
  userId: string,
  file: OutgoingFile,
  now: Date,
): Promise<Attachment> {
  const token = randomBytes(16).toString("hex");
  await offers.create({ token, workspace, userId }, file, now);
  return {
    contentType: FILE_CONSENT,
    name: file.name,
    content: {
      description: file.title,
      sizeInBytes: Buffer.byteLength(file.base64, "base64"),
      acceptContext: { token },
      declineContext: { token },
    },
  };
}

/** Takes the offer a consent answer names, if it is the same person's and still waiting. */
export async function takeOffer(
  offers: FileOfferRepository,
  token: unknown,
  workspace: string,
  userId: string,
  now: Date,
): Promise<OutgoingFile | undefined> {
  if (typeof token !== "string" || !/^[0-9a-f]{32}$/.test(token)) return undefined;
  return offers.take({ token, workspace, userId }, now);
}

/** PUTs the bytes to the upload URL Teams gave (one range, as OneDrive's upload session expects). */
export async function uploadToConsentUrl(uploadUrl: string, file: OutgoingFile): Promise<void> {
  const bytes = Buffer.from(file.base64, "base64");
  const res = await fetch(uploadUrl, {
    method: "PUT",
    headers: { "Content-Length": String(bytes.length), "Content-Range": `bytes 0-${bytes.length - 1}/${bytes.length}` },
    body: bytes,
    redirect: "error",
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`the file upload answered HTTP ${res.status}`);
}

/** The card that shows an uploaded file in the chat. */
export function fileInfoCard(info: {
  name?: unknown;
  contentUrl?: unknown;
  uniqueId?: unknown;
  fileType?: unknown;
}): Attachment {
  return {
    contentType: "application/vnd.microsoft.teams.card.file.info",
    contentUrl: String(info.contentUrl ?? ""),
    name: String(info.name ?? ""),
    content: { uniqueId: String(info.uniqueId ?? ""), fileType: String(info.fileType ?? "") },
  };
}

/** Only Teams' own https download links (loopback http for local testing). */
function allowedDownload(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || (u.protocol === "http:" && ["127.0.0.1", "localhost"].includes(u.hostname));
  } catch {
    return false;
  }
}

/** Reads the files attached to a personal-chat message (at most MAX_IMPORT_BYTES + 1 bytes of each). */
export async function attachedFiles(activity: Partial<Activity>): Promise<IncomingFile[]> {
  const files: IncomingFile[] = [];
  for (const a of activity.attachments ?? []) {
    const url = (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
    if (a.contentType !== DOWNLOAD_INFO || typeof url !== "string" || !allowedDownload(url)) continue;
    const res = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(30_000) });
    if (!res.ok || !res.body) continue;
    const size = Number(res.headers.get("content-length") ?? 0);
    const chunks: Uint8Array[] = [];
    let read = 0;
    for await (const chunk of res.body) {
      chunks.push(chunk);
      read += chunk.length;
      if (read > MAX_IMPORT_BYTES) break;
    }
    files.push({ name: String(a.name ?? "file"), size: Math.max(size, read), bytes: Buffer.concat(chunks) });
  }
  return files;
}
