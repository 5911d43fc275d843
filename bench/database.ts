/**
 * Benchmark databases on either engine: a SQLite file, or a schema of its own on the PostgreSQL
 * server (BENCH_DATABASE_URL), dropped afterwards. The bot opens them through the real storage
 * (which migrates); bulk seeding and the raw baselines go over a plain connection (RawDatabase) while
 * the storage is closed, since the bot's SQLite engine holds the file's lock for its one connection.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { loadPlan } from "../src/data/load-plan.js";
import { openStorage } from "../src/storage/open-storage.js";
import type { Storage } from "../src/storage/storage.js";
import { settings, type Engine } from "./settings.js";

/** Where a benchmark database lives: plain data, so it can be handed to a worker process as JSON. */
export type BenchDatabase = { engine: "sqlite"; path: string } | { engine: "postgres"; url: string; schema: string };

/** Rows for one INSERT: values in the order of the columns. */
export type Rows = readonly (readonly unknown[])[];

/** A plain connection for bulk writes and bare queries (`?` placeholders on both engines). */
export interface RawDatabase {
  /**
   * Inserts the rows in one transaction: one prepared statement run per row (better-sqlite3), or
   * multi-row INSERTs of up to 1,000 rows each (node-postgres).
   */
  insert(table: string, columns: readonly string[], rows: Rows): Promise<void>;
  /** The rows of a query. */
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A new, empty benchmark database: `<name>.db` in `dir`, or a fresh schema on BENCH_DATABASE_URL. */
export function newBenchDatabase(engine: Engine, dir: string, name: string): BenchDatabase {
  if (engine === "sqlite") return { engine, path: join(dir, `${name}.db`) };
  return { engine, url: settings.databaseUrl, schema: `bench_${name}_${randomBytes(4).toString("hex")}` };
}

/** Opens (and migrates) the storage on a benchmark database. */
export function openBenchStorage(db: BenchDatabase): Promise<Storage> {
  const where = db.engine === "sqlite" ? { url: db.path } : { url: db.url, schema: db.schema };
  return openStorage(where, loadPlan());
}

/** Drops a PostgreSQL benchmark schema (a SQLite file goes with its temporary directory). */
export async function dropBenchDatabase(db: BenchDatabase): Promise<void> {
  if (db.engine === "postgres")
    await withPostgres(db, (client) => client.query(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`));
}

/** Runs `work` on a raw connection to the (migrated) database, then closes the connection. */
export async function withRaw<T>(db: BenchDatabase, work: (raw: RawDatabase) => Promise<T>): Promise<T> {
  if (db.engine === "postgres") return withPostgres(db, (client) => work(postgresRaw(client)));
  const sqlite = new Database(db.path);
  try {
    return await work(sqliteRaw(sqlite));
  } finally {
    sqlite.close();
  }
}

async function withPostgres<T>(
  db: Extract<BenchDatabase, { engine: "postgres" }>,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: db.url, options: `-c search_path="${db.schema}"` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const columnList = (columns: readonly string[]) => `(${columns.join(", ")})`;

function sqliteRaw(sqlite: Database.Database): RawDatabase {
  const statements = new Map<string, Database.Statement<unknown[]>>();
  const prepared = (sql: string) => {
    const known = statements.get(sql);
    if (known) return known;
    const statement = sqlite.prepare<unknown[]>(sql);
    statements.set(sql, statement);
    return statement;
  };
  return {
    insert(table, columns, rows) {
      const insert = prepared(
        `INSERT INTO ${table} ${columnList(columns)} VALUES (${columns.map(() => "?").join(", ")})`,
      );
      sqlite.transaction(() => {
        for (const row of rows) insert.run(...row);
      })();
      return Promise.resolve();
    },
    query<T>(sql: string, params: readonly unknown[] = []) {
      return Promise.resolve(prepared(sql).all(...params) as T[]);
    },
  };
}

/** node-postgres numbers its placeholders. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

function postgresRaw(client: pg.Client): RawDatabase {
  return {
    async insert(table, columns, rows) {
      const perStatement = Math.min(1000, Math.floor(65_535 / columns.length));
      await client.query("BEGIN");
      try {
        for (let start = 0; start < rows.length; start += perStatement) {
          const batch = rows.slice(start, start + perStatement);
          const tuples = batch.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
          await client.query(`INSERT INTO ${table} ${columnList(columns)} VALUES ${tuples.join(", ")}`, batch.flat());
        }
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    },
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(numbered(sql), [...params]);
      return result.rows as T[];
    },
  };
}
