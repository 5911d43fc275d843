/**
 * drizzle asks better-sqlite3 to prepare a statement for every query it runs, and preparing costs as
 * much as running a small query. The connection's `prepare` is wrapped to hand back the statement
 * already prepared for the same SQL text. Statements run to completion synchronously on the one
 * connection, so reuse is safe; drizzle switches a statement to raw (array) rows when it wants them,
 * so a reused reader is switched back first. Long texts (multi-row writes, whose length varies with
 * the rows) are prepared each time rather than filling the cache.
 */
import type Database from "better-sqlite3";
import { LRUCache } from "lru-cache";

const MAX_STATEMENTS = 500;
const MAX_CACHED_SQL = 4000;

/** Makes `connection.prepare` reuse statements by SQL text. */
export function reuseStatements(connection: Database.Database): void {
  const prepare = connection.prepare.bind(connection);
  const statements = new LRUCache<string, Database.Statement>({ max: MAX_STATEMENTS });
  const cached = (source: string): Database.Statement => {
    if (source.length > MAX_CACHED_SQL) return prepare(source);
    const known = statements.get(source);
    if (known) {
      if (known.reader) known.raw(false);
      return known;
    }
    const statement = prepare(source);
    statements.set(source, statement);
    return statement;
  };
  connection.prepare = cached as typeof connection.prepare;
}
