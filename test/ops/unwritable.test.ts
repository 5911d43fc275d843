/**
 * A database that cannot take writes: the command gets a plain reply and changes nothing, Slack's
 * retry check lets the command through so the person hears it, /readyz is 503 until writes work
 * again, and a read-only DATABASE_URL stops the real entry point with one line.
 */
import { chmodSync, chownSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import { createHttpApp, listen } from "../../adapters/http/server.js";
import { createBot, UNWRITABLE_REPLY } from "../../src/core/bot.js";
import { isUnwritable, WriteHealth } from "../../src/storage/unwritable.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { openStorage } from "../../src/storage/open-storage.js";
import { startHarness, type Harness } from "../slack/harness.js";
import { spawnMain } from "../support/run-main.js";
import { createTestBot, replyText, type TestBot } from "../support/test-bot.js";
import { openSqliteWithConnection } from "../support/test-storage.js";

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("the core's error boundary", () => {
  it("answers a command that cannot be written, changes nothing, and /readyz is 503 until writes work", async () => {
    const { storage, connection: sqlite } = openSqliteWithConnection();
    t = await createTestBot({ storage });
    const writes = new WriteHealth();
    const bot = createBot(t.services, commands, actions, { onUnwritable: () => writes.markFailed() });
    const http = createHttpApp();
    http.addReadinessCheck("writes", () => writes.check(() => storage.probeWrite()));
    const server = await listen(http.app, 0, "127.0.0.1");
    const readyz = `http://127.0.0.1:${(server.address() as { port: number }).port}/readyz`;
    try {
      const before = replyText(await t.run("tasks S2"));
      expect((await fetch(readyz)).status).toBe(200);

      sqlite.pragma("query_only = ON");
      const reply = await bot.handle({
        kind: "command",
        text: 'add S2 "Rotate the honeypot credentials"',
        actor: { platform: "console", userId: "admin", displayName: "admin", homeWorkspace: true },
        conversation: { platform: "console", workspace: t.workspace, id: "C1", kind: "channel" },
        mentions: {},
        capabilities: { ephemeral: false, forms: false, threads: true, updateInPlace: true, images: false },
      });
      expect(replyText(reply)).toBe(UNWRITABLE_REPLY);
      const unready = await fetch(readyz);
      expect(unready.status).toBe(503);
      expect(JSON.stringify(await unready.json())).toContain("not writable");

      sqlite.pragma("query_only = OFF");
      expect((await fetch(readyz)).status).toBe(200);
      expect(replyText(await t.run("tasks S2"))).toBe(before);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("classifies SQLite and PostgreSQL write failures, and nothing else", () => {
    for (const code of ["SQLITE_FULL", "SQLITE_READONLY", "SQLITE_READONLY_DBMOVED", "SQLITE_IOERR_WRITE"])
      expect(isUnwritable(Object.assign(new Error("x"), { code }))).toBe(true);
    for (const code of ["53100", "25006", "42501"])
      expect(isUnwritable(new Error("wrapped", { cause: Object.assign(new Error("pg"), { code }) }))).toBe(true);
    for (const code of ["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_BUSY", "23505", undefined])
      expect(isUnwritable(Object.assign(new Error("x"), { code }))).toBe(false);
  });
});

describe("a Slack command on an unwritable database", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("still reaches the person with the reason", async () => {
    const { storage, connection } = openSqliteWithConnection();
    h = await startHarness({ storage });
    connection.pragma("query_only = ON");
    const sent = await h.command('add S2 "Rotate the honeypot credentials"');
    connection.pragma("query_only = OFF");
    expect(JSON.stringify(h.fake.postsTo(sent.responseUrl))).toContain("I couldn't save that");
  });
});

describe("a read-only DATABASE_URL at start", () => {
  it("exits with one line naming the setting and the path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "secops-ro-"));
    const path = join(dir, "bot.db");
    await (await openStorage({ url: path }, loadPlan())).close();
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const p of [dir, path]) chownSync(p, 65534, 65534);
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    const bot = await spawnMain(
      { SECOPS_PLATFORMS: "console", DATABASE_URL: path, LOG_LEVEL: "info" },
      asRoot ? { uid: 65534, gid: 65534 } : {},
    );
    const exit = await bot.exited;
    expect(exit.code).toBe(2);
    const lines = bot.stderr().trim().split("\n");
    expect(lines.at(-1)).toBe(
      `DATABASE_URL: ${path} cannot be written (read-only or full); the bot needs to write to it`,
    );
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
