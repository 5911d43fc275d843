/** Opens storage for a DATABASE_URL: postgres:// or postgresql:// is PostgreSQL; anything else SQLite. */
import { resolve } from "node:path";
import type { Plan } from "../domain/plan.js";
import type { Engine } from "./engine/types.js";
import { StorageOpenError } from "./open-error.js";
import { isUnwritable } from "./unwritable.js";
import { createStorage, type Storage, type StorageOptions } from "./storage.js";

export interface DatabaseSettings {
  /** A SQLite path, `file:` URL or `:memory:`, or a PostgreSQL URL. */
  url: string;
  /** PostgreSQL pool size (DATABASE_POOL_MAX). */
  poolMax?: number;
  /** Extra certificate authorities for PostgreSQL TLS (DATABASE_CA_FILE). */
  caFile?: string;
  /** PostgreSQL schema for the bot's tables (DATABASE_SCHEMA). */
  schema?: string;
  /** Errors of idle PostgreSQL connections. */
  onIdleError?: (err: Error) => void;
}

/** The database for logs: the engine and where, never a password. */
export function describeDatabase(url: string): string {
  if (!isPostgresUrl(url)) return `sqlite ${url}`;
  const parsed = new URL(url);
  return `postgres ${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/** True when the URL selects PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens, locks (SQLite) or connects (PostgreSQL), migrates, proves the database takes writes, and
 * builds the repositories. A read-only or full database stops here with one line naming the setting.
 */
export async function openStorage(
  settings: DatabaseSettings,
  plan: Plan,
  options: StorageOptions = {},
): Promise<Storage> {
  let engine: Engine | undefined;
  try {
    engine = await openEngine(settings);
    await engine.probeWrite();
  } catch (err) {
    await engine?.close().catch(() => undefined);
    if (!isUnwritable(err)) throw err;
    throw new StorageOpenError(
      `DATABASE_URL: ${where(settings.url)} cannot be written (read-only or full); the bot needs to write to it`,
    );
  }
  return createStorage(engine, plan, options);
}

function where(url: string): string {
  if (isPostgresUrl(url)) return describeDatabase(url);
  return resolve(url.startsWith("file:") ? url.slice("file:".length) : url);
}

/** Each engine's driver is imported only when chosen: pg and better-sqlite3 each take a while to load. */
async function openEngine(settings: DatabaseSettings): Promise<Engine> {
  if (isPostgresUrl(settings.url)) {
    const { openPostgres } = await import("./engine/postgres-engine.js");
    return openPostgres({
      url: settings.url,
      poolMax: settings.poolMax ?? 10,
      ...(settings.caFile ? { caFile: settings.caFile } : {}),
      ...(settings.schema ? { schema: settings.schema } : {}),
      ...(settings.onIdleError ? { onIdleError: settings.onIdleError } : {}),
    });
  }
  const { openSqlite } = await import("./engine/sqlite-engine.js");
  return openSqlite(settings.url.startsWith("file:") ? settings.url.slice("file:".length) : settings.url);
}
