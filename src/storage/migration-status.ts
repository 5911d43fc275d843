/** Whether every committed migration has been applied: the database half of `/readyz`. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { projectRoot } from "./project-root.js";

/** Compares the migrations journal with what the database recorded as applied. */
export function migrationStatus(sqlite: Database.Database): { ok: boolean; detail: string } {
  try {
    const journal = JSON.parse(readFileSync(join(projectRoot(), "migrations", "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const applied = (sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n;
    const ok = sqlite.open && applied === journal.entries.length;
    return { ok, detail: `${applied} of ${journal.entries.length} migrations applied` };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}
