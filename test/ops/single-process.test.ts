/**
 * SQLite serves one process: a second bot started on the same database file is refused at start
 * with one line naming DATABASE_URL, instead of running a second dispatcher and sync beside the first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { spawnMain, startMain, type RunningMain } from "../support/run-main.js";

const bots: RunningMain[] = [];
let fake: FakeSlack | undefined;
let dir: string | undefined;
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("two processes on one SQLite file", () => {
  it(
    "refuses the second at start, naming DATABASE_URL, and leaves the first running",
    { timeout: 120_000 },
    async () => {
      fake = await FakeSlack.start();
      dir = mkdtempSync(join(tmpdir(), "secops-single-"));
      const env = {
        SECOPS_PLATFORMS: "slack",
        SLACK_BOT_TOKEN: fake.token,
        SLACK_SIGNING_SECRET: "single-secret",
        SLACK_API_URL: fake.apiUrl,
        DATABASE_URL: join(dir, "bot.db"),
      };
      const first = await startMain(env);
      bots.push(first);
      const second = await spawnMain(env);
      bots.push(second);
      const exit = await second.exited;
      expect(exit.code).toBe(2);
      const lines = second.stderr().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("DATABASE_URL");
      expect(lines[0]).toContain("another secops-bot process is using");
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    },
  );
});
