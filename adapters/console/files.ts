/** The console's file delivery: a reply's file is written under ./exports/ and its path printed. */
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
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
