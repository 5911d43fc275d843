/**
 * Storage for tests on the engine the vitest project selects: SQLite (in memory, or a file to test
 * restarts) or PostgreSQL (SECOPS_TEST_ENGINE=postgres), where each storage gets a fresh schema of
 * the run's own database (made by test/postgres-setup.ts), so tests never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import { loadPlan } from "../../src/data/load-plan.js";
import type Database from "better-sqlite3";
import { openPostgres } from "../../src/storage/engine/postgres-engine.js";
import { openSqlite } from "../../src/storage/engine/sqlite-engine.js";
import type { Engine } from "../../src/storage/engine/types.js";
import { openStorage } from "../../src/storage/open-storage.js";
import { createStorage, type Storage, type StorageOptions } from "../../src/storage/storage.js";

/** The engine this test process runs on. */
export function testEngine(): "sqlite" | "postgres" {
  return process.env.SECOPS_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
}

/** Where a storage lives, so a test can reopen it (a restart). */
export interface TestDatabase {
  url: string;
  schema?: string;
}

/** A new empty database on this run's engine: `:memory:` or a fresh PostgreSQL schema. */
export function newTestDatabase(): TestDatabase {
  if (testEngine() === "sqlite") return { url: ":memory:" };
  const url = process.env.SECOPS_TEST_PG_URL;
  if (!url) throw new Error("SECOPS_TEST_PG_URL is not set: the postgres project's global setup did not run");
  return { url, schema: `t_${randomBytes(6).toString("hex")}` };
}

/** A database that survives close and reopen: a SQLite file at `file`, or a PostgreSQL schema. */
export function durableTestDatabase(file: string): TestDatabase {
  return testEngine() === "sqlite" ? { url: file } : newTestDatabase();
}

/** Opens (and migrates) storage on a test database. */
export function openTestStorage(db: TestDatabase = newTestDatabase(), options: StorageOptions = {}): Promise<Storage> {
  return openStorage({ url: db.url, ...(db.schema ? { schema: db.schema } : {}), poolMax: 4 }, loadPlan(), options);
}

/** Storage on a fresh test database together with its engine, for tests that read rows as stored. */
export async function openTestStorageWithEngine(
  options: StorageOptions = {},
): Promise<{ storage: Storage; engine: Engine }> {
  const db = newTestDatabase();
  const engine =
    testEngine() === "sqlite"
      ? openSqlite(db.url)
      : await openPostgres({ url: db.url, poolMax: 4, ...(db.schema ? { schema: db.schema } : {}) });
  return { storage: createStorage(engine, loadPlan(), options), engine };
}

/** SQLite storage in memory with its raw connection, for tests that make the database read-only. */
export function openSqliteWithConnection(): { storage: Storage; connection: Database.Database } {
  let connection: Database.Database | undefined;
  const engine = openSqlite(":memory:", { onConnection: (c) => (connection = c) });
  if (!connection) throw new Error("the SQLite engine did not hand over its connection");
  return { storage: createStorage(engine, loadPlan()), connection };
}

/** The settings that point a child bot process at a test database. */
export function databaseEnv(db: TestDatabase): Record<string, string> {
  return { DATABASE_URL: db.url, ...(db.schema ? { DATABASE_SCHEMA: db.schema } : {}) };
}
