/**
 * Two workspaces that share a conversation id (a Slack channel shared between two workspaces):
 * nothing workspace A does reads or changes a row of workspace B, in any table that holds a
 * workspace's data, and B's listings never show A's subscriptions, assets or people.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { durableTestDatabase, testEngine, type TestDatabase } from "../support/test-storage.js";

const dir = mkdtempSync(join(tmpdir(), "secops-isolation-"));
const db: TestDatabase = durableTestDatabase(join(dir, "bot.db"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORKSPACE_TABLES = [
  "people",
  "tasks",
  "audit_events",
  "conversations",
  "outbox",
  "subscriptions",
  "skill_ratings",
  "skill_requirements",
  "training_completions",
  "training_suppressions",
  "training_offers",
  "training_nudges",
  "incident_threads",
  "watched_assets",
  "digest_snapshots",
  "task_reminders",
  "inbound_requests",
  "outbox_lanes",
];

/** Every row of workspace `ws`, per table (read while no bot holds the database). */
async function rowsOf(ws: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  if (testEngine() === "sqlite") {
    const sqlite = new Database(db.url, { readonly: true });
    for (const t of WORKSPACE_TABLES)
      out[t] = sqlite.prepare(`select * from ${t} where workspace = ? order by 1, 2`).all(ws);
    sqlite.close();
    return out;
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  for (const t of WORKSPACE_TABLES)
    out[t] = (await client.query(`select * from "${db.schema}".${t} where workspace = $1 order by 1, 2`, [ws])).rows;
  await client.end();
  return out;
}

async function as(workspace: string, work: (t: TestBot) => Promise<void>): Promise<void> {
  const t = await createTestBot({ now: "2026-11-28T10:00:00Z", workspace, database: db });
  try {
    await work(t);
  } finally {
    await t.close();
  }
}

const EVERYTHING = [
  "subscribe digest weekly monday 09:00 UTC",
  "subscribe incidents severity >= medium",
  "assign S1-2 @dana due 2026-12-15",
  'add S2 "Our own runbook review" @dana',
  "role @dana analyst",
  "skills require analyst hunting 3",
  "asset honeypot hp-share-01",
  "me timezone Europe/Berlin",
  "training off",
  "start S1-2",
  "digest preview",
];

describe("two workspaces sharing a channel id", () => {
  it("never read or change each other's rows in any table", { timeout: 60_000 }, async () => {
    await as("B", async (t) => {
      await t.run("subscribe digest weekly friday 16:00 UTC");
      await t.run("asset critical srv-sql-01");
      await t.run("assign S1-3 @erin");
    });
    const before = await rowsOf("B");
    expect(before.subscriptions).toHaveLength(1);

    await as("A", async (t) => {
      for (const line of EVERYTHING) expect(t.text(await t.run(line))).not.toMatch(/Something went wrong/);
      await t.run("unsubscribe digest");
      await t.run("asset remove srv-sql-01");
    });
    expect(await rowsOf("B")).toEqual(before);

    await as("B", async (t) => {
      const subs = t.text(await t.run("subscriptions"));
      expect(subs).toContain("every Friday");
      expect(subs).not.toContain("Incident threads");
      const assets = t.text(await t.run("assets"));
      expect(assets).toContain("srv-sql-01");
      expect(assets).not.toContain("hp-share-01");
      expect(t.text(await t.run("task S1-2"))).not.toContain("dana");
      expect(t.text(await t.run("roles"))).not.toContain("dana");
    });
  });
});
