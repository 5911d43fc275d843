/** Opens the SQLite database: WAL, foreign keys, and every committed migration applied before use. */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema/index.js";
import { projectRoot } from "./project-root.js";

/** The typed drizzle handle every repository works through. */
export type Db = BetterSQLite3Database<typeof schema>;

/** An open database with its raw handle (for pragmas and close). */
export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/** Accepts a path, `file:` URL or `:memory:` and returns a migrated database. */
export function openDatabase(url: string): OpenDatabase {
  const path = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: join(projectRoot(), "migrations") });
  return { db, sqlite, close: () => sqlite.close() };
}

/**
 * Real, harmless writes that throw when the database cannot take any: a page allocated in a
 * transaction that is rolled back, then the header's user_version committed with its own value.
 */
export function probeWrite(sqlite: Database.Database): void {
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    sqlite.exec("CREATE TABLE write_probe (x INTEGER)");
  } finally {
    sqlite.exec("ROLLBACK");
  }
  const version = Number(sqlite.pragma("user_version", { simple: true }));
  sqlite.pragma(`user_version = ${Number.isInteger(version) ? version : 0}`);
}
