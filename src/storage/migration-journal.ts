/** The committed migrations a folder holds, from drizzle-kit's journal. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Journal entries (one per migration), oldest first. */
export function readJournal(folder: string): { tag: string }[] {
  const journal = JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries;
}
