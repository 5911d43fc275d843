/** SQLite files: a new folder and WAL on first open, migrations applied once, and a database of the previous release migrated forward with its data. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { loadPlan } from "../../src/data/load-plan.js";
import { openStorage } from "../../src/storage/open-storage.js";
import type { Storage } from "../../src/storage/storage.js";

const MIGRATIONS = join(process.cwd(), "migrations");
const NOW = new Date("2026-11-28T10:00:00Z");

/** The committed migrations of one engine, oldest first. */
function journal(engine: "sqlite" | "postgres"): { tag: string; when: number }[] {
  const file = join(MIGRATIONS, engine, "meta", "_journal.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { entries: { tag: string; when: number }[] }).entries;
}

const dirs: string[] = [];
const open: Storage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "secops-db-"));
  dirs.push(dir);
  return dir;
}

describe("SQLite files", () => {
  it("opens a SQLite file in WAL mode, creating its folder, and migrates only once", async () => {
    const path = join(tempDir(), "nested", "bot.db");
    const first = await openStorage({ url: path }, loadPlan());
    const state = await first.migrationState();
    await first.people.upsert("w", { platform: "console", userId: "dana", displayName: "Dana" });
    await first.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    const applied = (raw.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n;
    raw.close();
    expect(applied).toBe(journal("sqlite").length);

    const second = await openStorage({ url: `file:${path}` }, loadPlan());
    open.push(second);
    expect(await second.migrationState()).toEqual(state);
    expect(state.ok).toBe(true);
    expect((await second.people.byPlatformId("w", "dana"))?.displayName).toBe("Dana");
    await second.close();
    open.splice(0);
    const again = new Database(path, { readonly: true });
    expect((again.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n).toBe(applied);
    again.close();
  });

  it("migrates a SQLite database written by the previous release forward, keeping its data", async () => {
    const path = join(tempDir(), "bot.db");
    const entries = journal("sqlite");
    const previous = entries.slice(0, -1);
    // A database as the previous release left it: every earlier migration applied, drizzle's way.
    const old = new Database(path);
    old.exec(
      'CREATE TABLE "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
    );
    for (const { tag, when } of previous) {
      const sql = readFileSync(join(MIGRATIONS, "sqlite", `${tag}.sql`), "utf8");
      for (const statement of sql.split("--> statement-breakpoint")) if (statement.trim()) old.exec(statement);
      old
        .prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)')
        .run(createHash("sha256").update(sql).digest("hex"), when);
    }
    old
      .prepare("insert into people (workspace, platform_user_id, display_name, role) values (?, ?, ?, ?)")
      .run("slack:T1", "UDANA", "Dana", "analyst");
    old
      .prepare(
        "insert into tasks (workspace, id, area, objective, title, resources, position, owner_id, due_date, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run("slack:T1", "S1-1", "S1", "Objective", "Old task", "[]", 1, 1, "2026-12-10", NOW.toISOString());
    old
      .prepare(
        "insert into conversations (workspace, platform, id, kind, name, reference, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
      )
      .run("slack:T1", "slack", "C1", "channel", "secops", JSON.stringify({ channel: "C1" }), NOW.toISOString());
    old
      .prepare(
        "insert into subscriptions (workspace, platform, conversation_id, kind, settings, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)",
      )
      .run("slack:T1", "slack", "C1", "digest", JSON.stringify({ day: "mon" }), 1, NOW.toISOString());
    old.close();

    const storage = await openStorage({ url: path }, loadPlan());
    open.push(storage);
    expect(await storage.migrationState()).toEqual({
      ok: true,
      detail: `${entries.length} of ${entries.length} migrations applied`,
    });
    const dana = await storage.people.byPlatformId("slack:T1", "UDANA");
    expect(dana).toMatchObject({ displayName: "Dana", role: "analyst" });
    expect(await storage.tasks.get("slack:T1", "S1-1")).toMatchObject({
      title: "Old task",
      ownerId: dana?.id,
      dueDate: "2026-12-10",
    });
    const key = { workspace: "slack:T1", platform: "slack" as const, id: "C1" };
    expect(await storage.conversations.get(key)).toMatchObject({
      kind: "channel",
      name: "secops",
      active: true,
      reference: { channel: "C1" },
    });
    expect(await storage.subscriptions.forConversation(key)).toMatchObject([
      { kind: "digest", settings: { day: "mon" } },
    ]);
    // The new keys hold: the same channel id in another workspace is another conversation.
    await storage.conversations.remember({ ...key, workspace: "slack:T2", kind: "channel", reference: {} }, NOW);
    expect((await storage.conversations.get(key))?.name).toBe("secops");
  });
});
