/**
 * Secrets never leave the process: the real entry point runs with Slack, Teams and Graph credentials
 * (fake but real-looking), serves working and failing requests at debug log level, and neither its
 * log output nor anything it sends to a person contains a secret. An internal error's reply does not either.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { createTestBot, replyText } from "../support/test-bot.js";
import { FakeGraph } from "../fakes/graph-server.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { ACK_ANSWER_BUDGET_MS } from "../../adapters/slack/command.js";
import { sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { startMain, type RunningMain } from "../support/run-main.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const SECRETS = {
  SLACK_BOT_TOKEN: "xoxb-1234567890-9876543210-Z9kQ2mB7vX4pL8sT1wR6yN3c",
  SLACK_SIGNING_SECRET: "8f3c2a9d7b6e5f4a1c0d9e8f7a6b5c4d",
  MicrosoftAppPassword: "Qx8~Tz3Rk.Vn7Wp2Ys5Lb9Hd4Mf6Jc1Gq0Nw_Ae",
  AZURE_CLIENT_SECRET: "Fk2~Lr8Pz.Xc5Vb1Nm7Qw3Ed9Rt6Yu4Io0Pa_Sd",
};

/** A secret as it might show up: as is, URL-encoded, or base64 (e.g. in a Basic auth header). */
function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64"), secret.slice(0, 24)];
}

function expectNoSecret(text: string, where: string): void {
  for (const [name, secret] of Object.entries(SECRETS))
    for (const form of forms(secret)) expect(text.includes(form), `${name} in ${where}`).toBe(false);
}

describe("secrets stay out of logs and replies", () => {
  let slack: FakeSlack;
  let graph: FakeGraph;
  let bot: RunningMain;

  beforeAll(async () => {
    slack = await FakeSlack.start({ token: SECRETS.SLACK_BOT_TOKEN });
    slack.state.users.set("UADMIN", { id: "UADMIN", name: "ada", displayName: "Ada" });
    slack.state.channels.set("C0OPS", { member: true, archived: false });
    graph = await FakeGraph.start({
      tenantId: TENANT,
      clientId: "app-client-id",
      clientSecret: SECRETS.AZURE_CLIENT_SECRET,
    });
    graph.fail({ path: /\/security\/incidents/, times: 1, status: 503 });
    bot = await startMain({
      ...SECRETS,
      SECOPS_PLATFORMS: "slack,teams",
      SECOPS_ADMINS: "UADMIN",
      SLACK_API_URL: slack.apiUrl,
      MicrosoftAppId: "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: TENANT,
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: "app-client-id",
      AZURE_AUTHORITY_HOST: graph.url,
      GRAPH_BASE_URL: graph.url,
      DATABASE_URL: ":memory:",
      LOG_LEVEL: "debug",
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
    await graph?.close();
  });

  const command = async (text: string, userId = "UADMIN"): Promise<string> => {
    const responseUrl = slack.responseUrl();
    const body = slashCommandBody({
      text,
      userId,
      userName: "ada",
      channelId: "C0OPS",
      responseUrl,
      triggerId: slack.trigger(),
    });
    const res = await sendSigned(`${bot.url}/slack/events`, body, "application/x-www-form-urlencoded", {
      secret: SECRETS.SLACK_SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    await slack.showAck(responseUrl, res);
    return responseUrl;
  };

  it("logs working and failing requests, the Graph sync and its retry without a single secret", async () => {
    await bot.waitForLog("the incident sync", (l) => l.msg === "incident backfill starting");
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);

    const help = await command("help");
    await slack.waitFor("the help answer", () => slack.postsTo(help).length > 0);

    // A slow lookup of a person not seen yet keeps the answer out of the ack, so response_url's failures count.
    slack.slow("users.info", ACK_ANSWER_BUDGET_MS + 500);
    slack.fail("users.info", { error: "invalid_auth" });
    slack.fail("response_url", { status: 500 });
    const tasks = await command("tasks", "UOPS2");
    await slack.waitFor("the tasks answer by the Web API", () => slack.callsTo("chat.postEphemeral").length > 0);
    expect(slack.postsTo(tasks)).toEqual([]);

    slack.fail("chat.postEphemeral", { error: "channel_not_found" });
    slack.fail("response_url", { status: 500 });
    slack.fail("conversations.open", { error: "token_revoked" });
    await command("plan", "UOPS3");
    await bot.waitForLog("the undeliverable reply", (l) => l.msg === "could not reach the person at all");

    const forged = slashCommandBody({
      text: "help",
      userId: "UADMIN",
      userName: "ada",
      channelId: "C0OPS",
      responseUrl: slack.responseUrl(),
      triggerId: slack.trigger(),
    });
    expect(
      (
        await sendSigned(`${bot.url}/slack/events`, forged, "application/x-www-form-urlencoded", {
          secret: "guessed-secret",
        })
      ).status,
    ).toBe(401);
    const teams = (authorization?: string) =>
      fetch(`${bot.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ type: "message", text: "help", serviceUrl: "http://127.0.0.1:9/" }),
      });
    expect((await teams()).status).toBe(401);
    expect((await teams("Bearer not-a-token")).status).toBe(401);
    await bot.waitForLog("the refused Teams request", (l) => l.path === "/api/messages" && l.status === 401);

    expect(await bot.stop()).toBe(0);
    expect(graph.requests.some((r) => r.path.endsWith("/oauth2/v2.0/token") && r.body.includes("client_secret="))).toBe(
      true,
    );
    const logs = bot.logs();
    expect(logs.length).toBeGreaterThan(10);
    expect(logs.some((l) => l.level === 50 || l.level === 40)).toBe(true);
    expectNoSecret(bot.stderr(), "stderr");
    expectNoSecret(bot.stdout(), "stdout");
    for (const post of slack.responses) expectNoSecret(JSON.stringify(post.body), "a response_url answer");
    const messages = slack.calls.filter((c) => /^(chat|views)\./.test(c.method));
    expect(messages.length).toBeGreaterThan(0);
    for (const call of messages)
      expectNoSecret(
        JSON.stringify({ text: call.args.text, blocks: call.args.blocks, view: call.args.view }),
        `${call.method} message`,
      );
  });

  it("answers an internal error with a reference only, and the log line keeps the secret out too", async () => {
    const t = await createTestBot();
    const lines: string[] = [];
    const log = createLogger(
      "info",
      { write: (line: string) => void lines.push(line) } as unknown as NodeJS.WritableStream,
      Object.values(SECRETS),
    );
    Object.assign(t.services, { log });
    t.services.tasks.page = () => {
      throw new Error(
        `connection to https://x:${SECRETS.AZURE_CLIENT_SECRET}@db.internal failed (token ${SECRETS.SLACK_BOT_TOKEN}, password ${SECRETS.MicrosoftAppPassword})`,
      );
    };
    const reply = await t.run("tasks");
    const shown = replyText(reply);
    expect(shown).toMatch(/^Something went wrong \(ref [0-9a-f]{6}\)\. Nothing was changed\.$/);
    expectNoSecret(shown, "the reply");
    const ref = /ref ([0-9a-f]{6})/.exec(shown)?.[1];
    const logged = lines.join("");
    expect(logged).toContain(`"ref":"${ref}"`);
    expect(logged).toContain("db.internal failed");
    expectNoSecret(logged, "the log");
    await t.close();
  });
});
