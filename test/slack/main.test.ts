/** `npm start` with Slack settings: the real entry point serves /slack/events and /healthz on PORT. */
import { afterEach, describe, expect, it } from "vitest";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { startMain, type RunningMain } from "../support/run-main.js";
import { lastPost } from "./blocks.js";

let bot: RunningMain | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await fake?.close();
});

describe("npm start with Slack settings", () => {
  it("verifies the token, serves /healthz and answers a signed /secops over HTTP", async () => {
    fake = await FakeSlack.start();
    fake.state.users.set("UADMIN", { id: "UADMIN", name: "ada", displayName: "Ada" });
    bot = await startMain({
      SECOPS_PLATFORMS: "slack",
      SLACK_BOT_TOKEN: fake.token,
      SLACK_SIGNING_SECRET: "main-secret",
      SLACK_API_URL: fake.apiUrl,
    });
    const port = bot.port;
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    // Bolt verifies the token; the adapter then reads its home team (auth.test and team.info).
    expect(fake.callsTo("auth.test")).toHaveLength(2);
    expect(fake.callsTo("team.info")).toHaveLength(1);
    const ready = (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as {
      checks: Record<string, { ok: boolean }>;
    };
    expect(ready.checks.slack?.ok).toBe(true);
    const responseUrl = fake.responseUrl();
    const body = slashCommandBody({
      text: "help",
      userId: "UADMIN",
      userName: "ada",
      channelId: "C1",
      responseUrl,
      triggerId: fake.trigger(),
    });
    const res = await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, "application/x-www-form-urlencoded", {
      secret: "main-secret",
    });
    expect(res.status).toBe(200);
    await fake.showAck(responseUrl, res);
    await fake.waitFor("the help answer", () => fake!.postsTo(responseUrl).length > 0);
    expect(lastPost(fake, responseUrl).text).toContain("SecOps bot commands");
  });
});
