/** The console's file delivery: a reply's file is written under ./exports/ and its path printed. */
import { mkdir, open, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { MAX_IMPORT_BYTES, type IncomingFile } from "../../src/core/incoming.js";
import type { OutgoingFile } from "../../src/core/reply.js";

/** Where the console writes exported files unless told otherwise. */
export const DEFAULT_EXPORTS_DIR = "exports";

/** Writes the file (a safe base name only, inside `dir`) and returns its path. */
export async function saveExport(file: OutgoingFile, dir = DEFAULT_EXPORTS_DIR): Promise<string> {
  const name = basename(file.name).replace(/[^\w.-]/g, "_") || "export";
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, Buffer.from(file.base64, "base64"));
  return resolve(path);
}

/** For `import <path>`: reads at most MAX_IMPORT_BYTES + 1 bytes of the file, with its real size; undefined for other lines. */
export async function importFileOf(line: string): Promise<IncomingFile | string | undefined> {
  const match = /^\s*import\s+(?!apply\s*$|cancel\s*$)(.+?)\s*$/i.exec(line);
  if (!match?.[1]) return undefined;
  const path = match[1].replace(/^["']|["']$/g, "");
  try {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.alloc(Math.min(size, MAX_IMPORT_BYTES + 1));
      await handle.read(buffer, 0, buffer.length, 0);
      return { name: basename(path), size, bytes: buffer };
    } finally {
      await handle.close();
    }
  } catch {
    return `Cannot read ${path}.`;
  }
}
