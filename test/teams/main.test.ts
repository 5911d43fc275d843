/** `npm start`'s entry point with Slack and Teams both configured: one process, one port, both endpoints. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeBotConnector, type FakeBotConnector } from "../fakes/bot-connector.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { ADA, personal } from "./activities.js";

let child: ChildProcess | undefined;
let slack: FakeSlack | undefined;
let connector: FakeBotConnector | undefined;
afterEach(async () => {
  const running = child;
  child = undefined;
  if (running && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  }
  await slack?.close();
  await connector?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fetch(url).catch(() => undefined)) return;
    if (child?.exitCode !== null) throw new Error(`the bot exited with ${child?.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the bot never started listening");
}

describe("npm start with Slack and Teams", () => {
  it("serves /api/messages and /slack/events side by side on PORT", async () => {
    slack = await FakeSlack.start();
    connector = await startFakeBotConnector();
    const port = await freePort();
    const env = { ...process.env, SECOPS_PLATFORMS: "slack,teams", SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: "main-secret", SLACK_API_URL: slack.apiUrl, PORT: String(port), DATABASE_URL: ":memory:", LOG_LEVEL: "silent" };
    for (const name of ["SLACK_APP_TOKEN", "MicrosoftAppId", "MICROSOFT_APP_ID"]) delete env[name as keyof typeof env];
    child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), ["src/main.ts"], { env, stdio: "ignore" });
    await waitUntilUp(`http://127.0.0.1:${port}/healthz`);
    const ready = (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as { checks: Record<string, { ok: boolean; detail: string }> };
    expect(ready.checks.slack?.ok).toBe(true);
    expect(ready.checks.teams).toEqual({ ok: true, detail: "authentication off (Emulator / local only)" });

    const teamsRes = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(personal(connector.serviceUrl, ADA, "help")) });
    expect(teamsRes.status).toBe(200);
    expect(JSON.stringify(connector.callsOf("replyToActivity")[0]?.body)).toContain("SecOps bot commands");

    const responseUrl = slack.responseUrl();
    const body = slashCommandBody({ text: "help", userId: "UADMIN", userName: "ada", channelId: "C1", responseUrl, triggerId: slack.trigger() });
    expect((await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, "application/x-www-form-urlencoded", { secret: "main-secret" })).status).toBe(200);
    await slack.waitFor("the Slack help answer", () => slack!.postsTo(responseUrl).length > 0);
  });
});
