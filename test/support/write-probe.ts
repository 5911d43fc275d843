/**
 * Storage with a probe that tells whether anything was written since the last look. SQLite: the bot's
 * own connection counts every row an INSERT, UPDATE or DELETE touched (`total_changes()`), even a
 * write of the same values. PostgreSQL: every row's `xmin` (the transaction that wrote that version of
 * it) moves with any update, even one of the same values, and new or deleted rows change the listing.
 */
import pg from "pg";
import type { Storage } from "../../src/storage/storage.js";
import { newTestDatabase, openSqliteWithConnection, openTestStorage, testEngine } from "./test-storage.js";

/** Says whether a write happened since the previous call (or since the probe was opened). */
export interface WriteProbe {
  changed(): Promise<boolean>;
  close(): Promise<void>;
}

/** Fresh storage on this run's engine with a probe on it. */
export async function openProbedStorage(): Promise<{ storage: Storage; probe: WriteProbe }> {
  if (testEngine() === "sqlite") {
    const { storage, connection } = openSqliteWithConnection();
    const count = connection.prepare<[], { n: number }>("select total_changes() as n");
    return {
      storage,
      probe: await probe(
        async () => String(count.get()?.n),
        async () => undefined,
      ),
    };
  }
  const db = newTestDatabase();
  const storage = await openTestStorage(db);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const schema = db.schema ?? "public";
  const { rows } = await client.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by 1",
    [schema],
  );
  const version = async () => {
    const parts: string[] = [];
    for (const { table_name: table } of rows) {
      const result = await client.query<{ v: string }>(
        `select coalesce(string_agg(xmin::text, ',' order by xmin::text), '') as v from "${schema}"."${table}"`,
      );
      parts.push(`${table}:${result.rows[0]?.v ?? ""}`);
    }
    return parts.join(";");
  };
  return { storage, probe: await probe(version, () => client.end()) };
}

async function probe(version: () => Promise<string>, close: () => Promise<void>): Promise<WriteProbe> {
  let last = await version();
  return {
    async changed() {
      const now = await version();
      const moved = now !== last;
      last = now;
      return moved;
    },
    close,
  };
}
