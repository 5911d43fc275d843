/**
 * The repositories are written once against both engines, so the two schemas must describe the same
 * tables: same names, columns, JavaScript types, nullability, keys and unique indexes.
 */
import { getTableConfig as pgConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pgTables from "../../src/storage/schema/pg/index.js";
import * as sqliteTables from "../../src/storage/schema/sqlite/index.js";

interface Shape {
  name: string;
  columns: Record<string, { sql: string; js: string; notNull: boolean; primary: boolean }>;
  primaryKey: string[];
  unique: string[][];
}

function shape(
  config: {
    name: string;
    columns: { name: string; dataType: string; notNull: boolean; primary: boolean }[];
    primaryKeys: { columns: { name: string }[] }[];
    indexes: { config: { unique?: boolean; columns: unknown[] } }[];
    uniqueConstraints: { columns: { name: string }[] }[];
  },
  keys: Record<string, { name: string }>,
): Shape {
  const byName = new Map(Object.entries(keys).map(([key, col]) => [col.name, key]));
  return {
    name: config.name,
    columns: Object.fromEntries(
      config.columns.map((c) => [
        byName.get(c.name) ?? c.name,
        { sql: c.name, js: c.dataType, notNull: c.notNull, primary: c.primary },
      ]),
    ),
    primaryKey: config.primaryKeys.flatMap((k) => k.columns.map((c) => c.name)),
    unique: [
      ...config.indexes
        .filter((i) => i.config.unique)
        .map((i) => i.config.columns.map((c) => (c as { name: string }).name)),
      ...config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
      ...config.columns.filter((c) => (c as { isUnique?: boolean }).isUnique).map((c) => [c.name]),
    ].sort(),
  };
}

describe("schema parity", () => {
  const pg = Object.fromEntries(Object.entries(pgTables).map(([k, t]) => [k, t as PgTable]));
  const sqlite = Object.fromEntries(Object.entries(sqliteTables).map(([k, t]) => [k, t as SQLiteTable]));

  it("defines the same tables on both engines", () => {
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
  });

  it.each(Object.keys(sqlite))("%s has the same columns, types, keys and unique indexes", (name) => {
    const a = shape(
      sqliteConfig(sqlite[name] as SQLiteTable),
      sqlite[name] as unknown as Record<string, { name: string }>,
    );
    const b = shape(pgConfig(pg[name] as PgTable), pg[name] as unknown as Record<string, { name: string }>);
    expect(b).toEqual(a);
  });
});
