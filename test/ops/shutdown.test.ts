/**
 * Graceful shutdown of the real process: SIGTERM right after Slack's ack lets the slow command in
 * flight finish and answer, lets the outbox send the message it holds, exits 0 and leaves a file
 * database that is intact and has no half-written outbox rows.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { textReply } from "../../src/core/reply.js";
import { FakeGraph } from "../fakes/graph-server.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { ACK_ANSWER_BUDGET_MS } from "../../adapters/slack/command.js";
import { sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { lastPost } from "../slack/blocks.js";
import { startMain, type RunningMain } from "../support/run-main.js";
import { openTestStorage } from "../support/test-storage.js";

const SECRET = "shutdown-signing-secret";
const WORKSPACE = "slack:T0FAKE";

let dir: string | undefined;
let fake: FakeSlack | undefined;
let bot: RunningMain | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  bot = undefined;
  fake = undefined;
  dir = undefined;
});

/** A database file with one outbox message due now and one due tomorrow, as a previous run left it. */
async function seededDatabase(): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), "secops-shutdown-"));
  const file = join(dir, "bot.db");
  const seeded = await openTestStorage({ url: file });
  const now = new Date();
  await seeded.outbox.enqueue(
    {
      key: "ops:due-now",
      workspace: WORKSPACE,
      platform: "slack",
      conversationId: "C0OPS",
      op: "post",
      reply: textReply("Queued before the restart"),
    },
    now,
  );
  await seeded.outbox.enqueue(
    {
      key: "ops:due-tomorrow",
      workspace: WORKSPACE,
      platform: "slack",
      conversationId: "C0OPS",
      op: "post",
      reply: textReply("Due tomorrow"),
      notBefore: new Date(now.getTime() + 86_400_000),
    },
    now,
  );
  await seeded.close();
  return file;
}

type OutboxRow = {
  key: string;
  status: string;
  message_id: string | null;
  sent_at: string | null;
  attempts: number;
  reply: string;
};

describe("graceful shutdown on SIGTERM", () => {
  it("finishes the slow command in flight, exits 0 and leaves a consistent database", async () => {
    const file = await seededDatabase();
    fake = await FakeSlack.start();
    fake.state.users.set("UADMIN", { id: "UADMIN", name: "ada", displayName: "Ada" });
    fake.state.users.set("UDANA", { id: "UDANA", name: "dana", displayName: "Dana" });
    fake.state.channels.set("C0OPS", { member: true, archived: false });
    // Slower than the ack budget, so the command is still at work when SIGTERM arrives.
    fake.slow("users.info", ACK_ANSWER_BUDGET_MS + 600);
    bot = await startMain({
      SECOPS_PLATFORMS: "slack",
      SECOPS_ADMINS: "UADMIN",
      SLACK_BOT_TOKEN: fake.token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: file,
      LOG_LEVEL: "info",
    });

    const responseUrl = fake.responseUrl();
    const body = slashCommandBody({
      text: "assign S1-2 <@UDANA|dana>",
      userId: "UADMIN",
      userName: "ada",
      channelId: "C0OPS",
      responseUrl,
      triggerId: fake.trigger(),
    });
    const ack = await sendSigned(`${bot.url}/slack/events`, body, "application/x-www-form-urlencoded", {
      secret: SECRET,
    });
    expect(ack.status).toBe(200);
    expect(await bot.stop()).toBe(0);

    const logs = bot.logs();
    const at = (match: (l: (typeof logs)[number]) => boolean) => logs.findIndex(match);
    const shuttingDown = at((l) => l.msg === "shutting down");
    expect(shuttingDown).toBeGreaterThanOrEqual(0);
    expect(at((l) => l.msg === "handled" && l.name === "assign")).toBeGreaterThan(shuttingDown);
    expect(at((l) => l.msg === "stopped")).toBe(logs.length - 1);
    expect(lastPost(fake, responseUrl).text).toContain("S1-2");
    expect(fake.postsTo(responseUrl)).toHaveLength(1);
    const queued = fake
      .callsTo("chat.postMessage")
      .filter((c) => String(c.args.text).includes("Queued before the restart"));
    expect(queued).toHaveLength(1);

    expect(existsSync(`${file}-wal`)).toBe(false);
    const sqlite = new Database(file, { readonly: true });
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(sqlite.pragma("foreign_key_check")).toEqual([]);
      const owner = sqlite
        .prepare(
          "select p.platform_user_id as id from tasks t join people p on p.id = t.owner_id where t.workspace = ? and t.id = 'S1-2'",
        )
        .get(WORKSPACE) as { id: string } | undefined;
      expect(owner?.id).toBe("UDANA");
      const rows = sqlite
        .prepare("select key, status, message_id, sent_at, attempts, reply from outbox order by id")
        .all() as OutboxRow[];
      for (const row of rows) {
        expect(["pending", "sent", "failed"], row.key).toContain(row.status);
        expect(() => JSON.parse(row.reply) as unknown, row.key).not.toThrow();
        if (row.status === "sent") expect(row.message_id && row.sent_at, row.key).toBeTruthy();
        if (row.status === "pending") expect([row.message_id, row.sent_at], row.key).toEqual([null, null]);
      }
      expect(rows.find((r) => r.key === "ops:due-now")).toMatchObject({
        status: "sent",
        message_id: queued[0] ? expect.any(String) : null,
      });
      expect(rows.find((r) => r.key === "ops:due-tomorrow")).toMatchObject({
        status: "pending",
        attempts: 0,
        message_id: null,
      });
    } finally {
      sqlite.close();
    }
  });
});

describe("SIGTERM while the start-up catch-up still runs", () => {
  it("waits for the incident sync, then exits 0 instead of dying mid-write", async () => {
    const graph = await FakeGraph.start({
      tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      clientId: "app-client-id",
      clientSecret: "app-secret-for-shutdown",
    });
    graph.fail({ path: /\/security\/incidents/, times: 1, status: 429, retryAfter: "2" });
    try {
      fake = await FakeSlack.start();
      bot = await startMain({
        SECOPS_PLATFORMS: "slack",
        SLACK_BOT_TOKEN: fake.token,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        AZURE_TENANT_ID: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        AZURE_CLIENT_ID: "app-client-id",
        AZURE_CLIENT_SECRET: "app-secret-for-shutdown",
        AZURE_AUTHORITY_HOST: graph.url,
        GRAPH_BASE_URL: graph.url,
        LOG_LEVEL: "info",
      });
      await bot.waitForLog("the backfill start", (l) => l.msg === "incident backfill starting");
      expect(await bot.stop()).toBe(0);
      const logs = bot.logs();
      const shuttingDown = logs.findIndex((l) => l.msg === "shutting down");
      const progress = logs.findIndex((l) => l.msg === "incident backfill progress" && l.stream === "incidents");
      expect(progress).toBeGreaterThan(shuttingDown);
      expect(logs[progress]).toMatchObject({ pages: 1, items: 0, expected: 0, secondsLeft: 0, last: true });
      expect(logs.at(-1)?.msg).toBe("stopped");
    } finally {
      await graph.close();
    }
  });
});
