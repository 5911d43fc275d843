/** `npm start`'s entry point with Slack and Teams both configured: one process, one port, both endpoints. */
import { afterEach, describe, expect, it } from "vitest";
import { startFakeBotConnector, type FakeBotConnector } from "../fakes/bot-connector.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { startMain, type RunningMain } from "../support/run-main.js";
import { ADA, personal } from "./activities.js";
import { NO_AUTH_DETAIL } from "../../adapters/teams/server.js";

let bot: RunningMain | undefined;
let slack: FakeSlack | undefined;
let connector: FakeBotConnector | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await slack?.close();
  await connector?.close();
});

describe("npm start with Slack and Teams", () => {
  it("serves /api/messages and /slack/events side by side on PORT", async () => {
    slack = await FakeSlack.start();
    connector = await startFakeBotConnector();
    bot = await startMain({
      SECOPS_PLATFORMS: "slack,teams",
      SECOPS_TEAMS_NO_AUTH: "emulator",
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: "main-secret",
      SLACK_API_URL: slack.apiUrl,
    });
    const port = bot.port;
    const ready = (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as {
      checks: Record<string, { ok: boolean; detail: string }>;
    };
    expect(ready.checks.slack?.ok).toBe(true);
    expect(ready.checks.teams).toEqual({ ok: false, detail: NO_AUTH_DETAIL });

    const teamsRes = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(personal(connector.serviceUrl, ADA, "help")),
    });
    expect(teamsRes.status).toBe(200);
    expect(JSON.stringify(connector.callsOf("replyToActivity")[0]?.body)).toContain("SecOps bot commands");

    const responseUrl = slack.responseUrl();
    const body = slashCommandBody({
      text: "help",
      userId: "UADMIN",
      userName: "ada",
      channelId: "C1",
      responseUrl,
      triggerId: slack.trigger(),
    });
    const ack = await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, "application/x-www-form-urlencoded", {
      secret: "main-secret",
    });
    expect(ack.status).toBe(200);
    await slack.showAck(responseUrl, ack);
    await slack.waitFor("the Slack help answer", () => slack!.postsTo(responseUrl).length > 0);
  });
});
