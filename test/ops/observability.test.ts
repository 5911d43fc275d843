/**
 * What operators watch: /healthz and /readyz with every check named, and structured logs where each
 * stderr line is JSON and everything one inbound request causes (the HTTP line, the core's "handled"
 * line) carries the same request id, on the real process serving Slack and Teams.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp, listen } from "../../adapters/http/server.js";
import { createSlackAdapter } from "../../adapters/slack/index.js";
import { createBot } from "../../src/core/bot.js";
import { createLogger, silentLogger } from "../../src/logger.js";
import { withRequestId } from "../../src/request-context.js";
import { actions, commands } from "../../commands/index.js";
import { startFakeBotConnector, type FakeBotConnector } from "../fakes/bot-connector.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { signature, slashCommandBody } from "../fakes/slack-requests.js";
import { startMain, type LogLine, type RunningMain } from "../support/run-main.js";
import { createTestBot } from "../support/test-bot.js";
import { ADA, personal } from "../teams/activities.js";
import { NO_AUTH_DETAIL } from "../../adapters/teams/server.js";

const SECRET = "observability-signing-secret";

describe("the running process: health, readiness and request-scoped JSON logs", () => {
  let slack: FakeSlack;
  let connector: FakeBotConnector;
  let bot: RunningMain;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    slack.state.users.set("UADMIN", { id: "UADMIN", name: "ada", displayName: "Ada" });
    connector = await startFakeBotConnector();
    bot = await startMain({
      SECOPS_PLATFORMS: "slack,teams",
      SECOPS_TEAMS_NO_AUTH: "emulator",
      SECOPS_ADMINS: "UADMIN",
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: "debug",
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
    await connector?.close();
  });

  /** A signed /secops command, optionally with the X-Request-Id a proxy in front would add. */
  async function command(text: string, requestId?: string): Promise<string> {
    const responseUrl = slack.responseUrl();
    const body = slashCommandBody({
      text,
      userId: "UADMIN",
      userName: "ada",
      channelId: "C1",
      responseUrl,
      triggerId: slack.trigger(),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`${bot.url}/slack/events`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": String(timestamp),
        "X-Slack-Signature": signature(SECRET, timestamp, body),
        ...(requestId ? { "X-Request-Id": requestId } : {}),
      },
      body,
    });
    expect(res.status).toBe(200);
    await slack.showAck(responseUrl, res);
    return responseUrl;
  }

  const handled = (name: string, platform: string) => (l: LogLine) =>
    l.msg === "handled" && l.name === name && l.platform === platform;

  it("answers /healthz and /readyz with the database, Slack and Teams checks", async () => {
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { ok: boolean; checks: Record<string, { ok: boolean; detail: string }> };
    expect(body.ok).toBe(false);
    expect(Object.keys(body.checks).sort()).toEqual(["database", "jobs", "slack", "teams", "writes"]);
    expect(body.checks.database).toEqual({
      ok: true,
      detail: expect.stringMatching(/^sqlite: (\d+) of \1 migrations applied$/),
    });
    expect(body.checks.slack).toEqual({ ok: true, detail: "http mode, token verified" });
    expect(body.checks.teams).toEqual({ ok: false, detail: NO_AUTH_DETAIL });
    expect(body.checks.jobs).toEqual({ ok: true, detail: "this replica runs the scheduled jobs" });
  });

  it("gives every line of one request the same request id, and separate requests their own", async () => {
    const [help, plan] = await Promise.all([command("help", "req-help-1"), command("plan", "req-plan-2")]);
    await command("tasks", "a bad id with spaces");
    await slack.waitFor("three answers", () => slack.postsTo(help).length > 0 && slack.postsTo(plan).length > 0);
    const teams = await fetch(`${bot.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-teams-3" },
      body: JSON.stringify(personal(connector.serviceUrl, ADA, "help")),
    });
    expect(teams.status).toBe(200);

    expect((await bot.waitForLog("help handled", handled("help", "slack"))).requestId).toBe("req-help-1");
    expect((await bot.waitForLog("plan handled", handled("plan", "slack"))).requestId).toBe("req-plan-2");
    expect((await bot.waitForLog("teams help handled", handled("help", "teams"))).requestId).toBe("req-teams-3");
    const tasks = await bot.waitForLog("tasks handled", handled("tasks", "slack"));
    expect(tasks.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    for (const id of ["req-help-1", "req-plan-2", "req-teams-3", tasks.requestId]) {
      // The HTTP line is written when the response has been sent, which may be just after the client saw it.
      const http = await bot.waitForLog(
        `the HTTP line of ${id}`,
        (l) => l.msg === "http request" && l.requestId === id,
      );
      expect(http).toMatchObject({
        method: "POST",
        status: 200,
        path: id === "req-teams-3" ? "/api/messages" : "/slack/events",
      });
      expect(
        bot.logs().filter((l) => l.requestId === id && l.msg === "handled"),
        id,
      ).toHaveLength(1);
    }
    const logs = bot.logs();
    const slackLines = logs.filter((l) => l.requestId === "req-help-1" && l.adapter === "slack");
    expect(slackLines.length).toBeGreaterThan(0);
  });

  it("writes every stderr line as one JSON object with a level, a time and a message or fields of its own", async () => {
    const lines = bot
      .stderr()
      .split("\n")
      .filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const parsed = JSON.parse(line) as LogLine;
      expect(typeof parsed.level).toBe("number");
      expect(typeof parsed.time).toBe("number");
      expect(parsed.service).toBe("secops-bot");
    }
    const logs = bot.logs();
    // A line carries only its own fields: the core's line has no HTTP fields, the HTTP line no command fields.
    for (const l of logs.filter((x) => x.msg === "handled"))
      expect(Object.keys(l).filter((k) => ["method", "path", "status", "bolt", "err"].includes(k))).toEqual([]);
    for (const l of logs.filter((x) => x.msg === "http request"))
      expect(Object.keys(l).filter((k) => ["name", "kind", "workspace", "bolt"].includes(k))).toEqual([]);
  });
});

describe("readiness when something is not ready", () => {
  it("answers 503 naming the failed check when the database is closed or Slack has not started", async () => {
    const t = await createTestBot();
    const http = createHttpApp();
    http.addReadinessCheck("database", () => t.storage.migrationState());
    createSlackAdapter({
      bot: createBot(t.services, commands, actions),
      services: t.services,
      log: silentLogger(),
      http,
      config: { botToken: "xoxb-unused", signingSecret: "s", apiUrl: "http://127.0.0.1:9/api/" },
    });
    const server = await listen(http.app, 0, "127.0.0.1");
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/readyz`;
    try {
      const before = await fetch(url);
      expect(before.status).toBe(503);
      expect(await before.json()).toEqual({
        ok: false,
        checks: { database: { ok: true, detail: expect.any(String) }, slack: { ok: false, detail: "not started" } },
      });
      await t.close();
      const closed = (await (await fetch(url)).json()) as { checks: { database: { ok: boolean } } };
      expect(closed.checks.database.ok).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("request-scoped log lines", () => {
  it("adds the request id to every line inside a request, and nothing of one line to the next", () => {
    const out: string[] = [];
    const log = createLogger("info", {
      write: (line: string) => void out.push(line),
    } as unknown as NodeJS.WritableStream);
    log.info({ outside: true }, "before");
    withRequestId(() => {
      log.info({ first: 1 }, "one");
      log.info({ second: 2 }, "two");
    }, "req-42");
    withRequestId(() => log.info({}, "three"));
    const [before, one, two, three] = out.map((l) => JSON.parse(l) as LogLine);
    expect(before).not.toHaveProperty("requestId");
    expect(one).toMatchObject({ msg: "one", requestId: "req-42", first: 1 });
    expect(two).toMatchObject({ msg: "two", requestId: "req-42", second: 2 });
    expect(two).not.toHaveProperty("first");
    expect(three?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(three).not.toHaveProperty("second");
  });
});
