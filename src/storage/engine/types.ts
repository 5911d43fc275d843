/** What both storage engines offer the repositories: typed tables, a query handle and transactions. */
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as tables from "../schema/pg/index.js";

/**
 * The tables as the repositories see them. Both engines define the same tables with the same
 * column names and JavaScript types (test/storage/schema-parity.test.ts checks it), so the
 * PostgreSQL definitions serve as the one type for queries written once for either engine.
 */
export type Tables = typeof tables;

/** The query builder repositories write against; on SQLite it is drizzle's SQLite builder behind the same calls. */
export type Db = NodePgDatabase<Tables>;

/** Which engine a database URL selects. */
export type EngineName = "sqlite" | "postgres";

/** Whether every committed migration has been applied. */
export interface MigrationState {
  ok: boolean;
  detail: string;
}

/** One open database. */
export interface Engine {
  readonly name: EngineName;
  readonly tables: Tables;
  /** Runs `work` outside any transaction (serialized with transactions on SQLite's single connection). */
  run<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (db: Db) => Promise<T>): Promise<T>;
  migrationState(): Promise<MigrationState>;
  /** A real, harmless write that throws when the database cannot take writes (full, read-only). */
  probeWrite(): Promise<void>;
  close(): Promise<void>;
}
