/**
 * The distributed engine: PostgreSQL through node-postgres (pooled) and drizzle's PostgreSQL
 * dialect. Migrations run at start under an advisory lock, so replicas starting together migrate once.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConnectionOptions } from "node:tls";
import { drizzle } from "drizzle-orm/node-postgres";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { readJournal } from "../migration-journal.js";
import { projectRoot } from "../project-root.js";
import * as tables from "../schema/pg/index.js";
import { StorageOpenError } from "../open-error.js";
import type { Db, Engine } from "./types.js";

/** The folder of PostgreSQL migrations. */
export const POSTGRES_MIGRATIONS = join(projectRoot(), "migrations", "postgres");

/** Connection settings beyond the URL. */
export interface PostgresOptions {
  url: string;
  /** Most connections this process opens (DATABASE_POOL_MAX). */
  poolMax: number;
  /** A PEM bundle of certificate authorities to trust (DATABASE_CA_FILE), e.g. for Azure Database for PostgreSQL. */
  caFile?: string;
  /** The schema holding the bot's tables and its migrations table (DATABASE_SCHEMA; default public). */
  schema?: string;
  /** Errors of idle pooled connections, which would otherwise end the process. */
  onIdleError?: (err: Error) => void;
}

const MIGRATION_LOCK = 7_316_402_001;

/** Connects, migrates under the lock, and returns the engine. */
export async function openPostgres(o: PostgresOptions): Promise<Engine> {
  const schema = o.schema ?? "public";
  const { connectionString, ssl } = tlsFromUrl(o.url, o.caFile);
  const pool = new pg.Pool({
    connectionString,
    max: o.poolMax,
    ...(ssl !== undefined ? { ssl } : {}),
    options: `-c search_path=${quoteIdent(schema)}`,
  });
  pool.on("error", (err) => o.onIdleError?.(err));
  const db = drizzle({ client: pool, schema: tables }) as Db;
  try {
    await migrateUnderLock(pool, db, schema);
  } catch (err) {
    await pool.end();
    throw openFailure(err);
  }
  return {
    name: "postgres",
    tables,
    run: (work) => work(db),
    transaction: (work) => db.transaction((tx) => work(tx as unknown as Db)),
    migrationState: async () => {
      const expected = readJournal(POSTGRES_MIGRATIONS).length;
      try {
        const result = await pool.query<{ n: string }>(
          `select count(*) as n from ${quoteIdent(schema)}."__drizzle_migrations"`,
        );
        const applied = Number(result.rows[0]?.n ?? 0);
        return { ok: applied === expected, detail: `${applied} of ${expected} migrations applied` };
      } catch (err) {
        return { ok: false, detail: err instanceof Error ? err.message : String(err) };
      }
    },
    probeWrite: async () => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query("create temp table secops_write_probe (x integer) on commit drop");
      } finally {
        await client.query("rollback").catch(() => undefined);
        client.release();
      }
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

async function migrateUnderLock(pool: pg.Pool, db: Db, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`create schema if not exists ${quoteIdent(schema)}`);
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      const config = { migrationsFolder: POSTGRES_MIGRATIONS, migrationsSchema: schema };
      const migrations = readMigrationFiles(config).map((m) => ({ ...m, sql: m.sql.map((s) => inSchema(s, schema)) }));
      const { dialect, session } = db as unknown as NodePgDatabase & {
        dialect: { migrate(m: unknown, s: unknown, c: unknown): Promise<void> };
        session: unknown;
      };
      await dialect.migrate(migrations, session, config);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/**
 * libpq's sslmode, read from the URL: disable; require (encrypted, not verified unless a CA file is
 * given); verify-ca (the chain); verify-full (the chain and the host name). Without sslmode, plain.
 */
export function tlsFromUrl(
  url: string,
  caFile?: string,
): { connectionString: string; ssl?: false | ConnectionOptions } {
  const parsed = new URL(url);
  const mode = parsed.searchParams.get("sslmode");
  parsed.searchParams.delete("sslmode");
  const connectionString = parsed.toString();
  const ca = caFile ? readFileSync(caFile, "utf8") : undefined;
  if (!mode || mode === "disable") return { connectionString, ...(mode ? { ssl: false as const } : {}) };
  if (mode === "require" && !ca) return { connectionString, ssl: { rejectUnauthorized: false } };
  if (mode === "verify-full") return { connectionString, ssl: { rejectUnauthorized: true, ...(ca ? { ca } : {}) } };
  if (mode === "verify-ca" || mode === "require") {
    return {
      connectionString,
      ssl: { rejectUnauthorized: true, checkServerIdentity: () => undefined, ...(ca ? { ca } : {}) },
    };
  }
  throw new StorageOpenError(
    `DATABASE_URL: sslmode=${mode} is not supported (use disable, require, verify-ca or verify-full)`,
  );
}

/**
 * drizzle-kit writes foreign keys as references to "public".<table>; in another schema
 * (DATABASE_SCHEMA) they must name that schema. The migration's hash is of the file as committed.
 */
function inSchema(statement: string, schema: string): string {
  return schema === "public"
    ? statement
    : statement.replaceAll('REFERENCES "public".', `REFERENCES ${quoteIdent(schema)}.`);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Turns connection failures into one line naming the setting; other errors pass through. */
function openFailure(err: unknown): Error {
  if (err instanceof StorageOpenError) return err;
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "28P01" || code === "3D000" || code === "28000") {
    return new StorageOpenError(`DATABASE_URL: cannot connect to PostgreSQL (${message})`);
  }
  return err instanceof Error ? err : new Error(message);
}
