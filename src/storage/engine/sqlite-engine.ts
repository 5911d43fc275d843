/**
 * The embedded engine: one SQLite file through better-sqlite3 (WAL, foreign keys). The process
 * holds SQLite's exclusive lock on the file for as long as it runs, so a second process on the
 * same file is refused at start instead of running a second dispatcher and sync beside the first.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readJournal } from "../migration-journal.js";
import { projectRoot } from "../project-root.js";
import * as sqliteTables from "../schema/sqlite/index.js";
import { StorageOpenError } from "../open-error.js";
import { SerialQueue } from "./serial-queue.js";
import { reuseStatements } from "./statement-cache.js";
import type { Db, Engine, Tables } from "./types.js";

export const SQLITE_MIGRATIONS = join(projectRoot(), "migrations", "sqlite");

/** Options for opening; `onConnection` hands the raw connection to tests that make it read-only. */
export interface SqliteOptions {
  setting?: string;
  onConnection?: (connection: Database.Database) => void;
}

/** Opens (creating if needed), locks and migrates the SQLite database at `path` (or `:memory:`). */
export function openSqlite(path: string, options: SqliteOptions = {}): Engine {
  const setting = options.setting ?? "DATABASE_URL";
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  try {
    lockForThisProcess(sqlite, path, setting);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
  } catch (err) {
    sqlite.close();
    throw err;
  }
  reuseStatements(sqlite);
  const drizzleDb = drizzle({ client: sqlite, schema: sqliteTables });
  migrate(drizzleDb, { migrationsFolder: SQLITE_MIGRATIONS });
  options.onConnection?.(sqlite);
  const db = drizzleDb as unknown as Db;
  const queue = new SerialQueue();
  return {
    name: "sqlite",
    tables: sqliteTables as unknown as Tables,
    run: (work) => queue.run(() => work(db)),
    transaction: (work) =>
      queue.run(async () => {
        sqlite.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(db);
          sqlite.exec("COMMIT");
          return result;
        } catch (err) {
          if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
          throw err;
        }
      }),
    migrationState: () =>
      queue.run(async () => {
        const expected = readJournal(SQLITE_MIGRATIONS).length;
        const applied = (sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n;
        return { ok: sqlite.open && applied === expected, detail: `${applied} of ${expected} migrations applied` };
      }),
    probeWrite: () =>
      queue.run(async () => {
        sqlite.exec("BEGIN IMMEDIATE");
        try {
          sqlite.exec("CREATE TABLE write_probe (x INTEGER)");
        } finally {
          sqlite.exec("ROLLBACK");
        }
        const version = Number(sqlite.pragma("user_version", { simple: true }));
        sqlite.pragma(`user_version = ${Number.isInteger(version) ? version : 0}`);
      }),
    close: () => queue.run(async () => void sqlite.close()),
  };
}

/** Takes SQLite's exclusive lock (kept until the connection closes), or explains who holds it. */
function lockForThisProcess(sqlite: Database.Database, path: string, setting: string): void {
  if (path === ":memory:") return;
  sqlite.pragma("busy_timeout = 200");
  sqlite.pragma("locking_mode = EXCLUSIVE");
  try {
    sqlite.exec("BEGIN EXCLUSIVE; COMMIT;");
  } catch (err) {
    if ((err as { code?: string }).code === "SQLITE_BUSY") {
      throw new StorageOpenError(
        `${setting}: another secops-bot process is using ${path}; SQLite serves one process. ` +
          "Stop the other one, or run several replicas on PostgreSQL (DATABASE_URL=postgres://…).",
      );
    }
    throw err;
  }
}
