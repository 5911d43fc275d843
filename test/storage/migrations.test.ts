import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/db.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("openDatabase", () => {
  it("builds the whole schema from an empty database", () => {
    const { sqlite, close } = openDatabase(":memory:");
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const names = tables.map((t) => t.name);
    for (const table of [
      "people",
      "tasks",
      "audit_events",
      "conversations",
      "outbox",
      "subscriptions",
      "__drizzle_migrations",
    ]) {
      expect(names).toContain(table);
    }
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    close();
  });

  it("opens a file in WAL mode, creating its folder, and migrates only once", () => {
    const dir = mkdtempSync(join(tmpdir(), "secops-db-"));
    dirs.push(dir);
    const path = join(dir, "nested", "bot.db");
    const first = openDatabase(path);
    expect(first.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    const applied = (first.sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n;
    first.close();
    const second = openDatabase(`file:${path}`);
    expect((second.sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n).toBe(
      applied,
    );
    second.close();
  });

  it("enforces foreign keys", () => {
    const { sqlite, close } = openDatabase(":memory:");
    expect(() =>
      sqlite
        .prepare(
          "insert into tasks (workspace, id, area, objective, title, resources, position, owner_id, updated_at) values ('w','S9-1','S1','o','t','[]',1,999,'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    close();
  });
});
