/** Refused requests, replays and retries, and hostile text, end to end. */
import { describe, expect, it } from "vitest";
import { createHttpApp } from "../../adapters/http/server.js";
import { createSlackAdapter } from "../../adapters/slack/index.js";
import { silentLogger } from "../../src/logger.js";
import { createBot } from "../../src/core/bot.js";
import { actions, commands } from "../../commands/index.js";
import { blockActionsBody, sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { allText, button, lastPost, parsedTexts } from "./blocks.js";
import { CHANNEL, SECRET, useHarness, type Harness } from "./harness.js";

const WS = "slack:T0FAKE";
let h: Harness;
useHarness((started) => (h = started));

function assignBody(responseUrl: string, triggerId: string): string {
  return slashCommandBody({
    text: "assign S1-2 <@UDANA>",
    userId: "UADMIN",
    userName: "ada",
    channelId: CHANNEL,
    responseUrl,
    triggerId,
  });
}

const history = async () => await h.services.audit.history(WS, "task", "S1-2");

describe("request signatures", () => {
  it.each([
    ["a wrong signature", { signature: "v0=" + "0".repeat(64) }],
    ["a signature made with another secret", { secret: "not-the-secret" }],
    ["a timestamp older than five minutes", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ["a timestamp more than five minutes ahead", { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
    ["a timestamp a day ahead", { timestamp: Math.floor(Date.now() / 1000) + 86_400 }],
  ])("refuses %s with 401 and changes nothing", async (_what, override) => {
    const responseUrl = h.fake.responseUrl();
    const res = await sendSigned(
      h.eventsUrl,
      assignBody(responseUrl, h.fake.trigger()),
      "application/x-www-form-urlencoded",
      { secret: SECRET, ...override },
    );
    await h.settle();
    expect(res.status).toBe(401);
    expect(h.fake.calls.filter((c) => !["auth.test", "team.info"].includes(c.method))).toEqual([]);
    expect(h.fake.responses).toEqual([]);
    expect(await h.services.people.byPlatformId(WS, "UADMIN")).toBeUndefined();
  });

  it("refuses a body over Bolt's limit with 413 and runs nothing", async () => {
    const body = assignBody(h.fake.responseUrl(), h.fake.trigger()) + "&pad=" + "x".repeat(600 * 1024);
    const res = await sendSigned(h.eventsUrl, body, "application/x-www-form-urlencoded", { secret: SECRET });
    await h.settle();
    expect(res.status).toBe(413);
    expect(h.fake.responses).toEqual([]);
  });

  it("refuses a request with no signature headers", async () => {
    const res = await fetch(h.eventsUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: assignBody(h.fake.responseUrl(), "t"),
    });
    expect(res.status).toBe(401);
  });
});

describe("retries and replays", () => {
  it("applies a repeated slash command (same trigger_id) once", async () => {
    const first = await h.command("assign S1-2 <@UDANA>");
    const again = await h.command("assign S1-2 <@UDANA>", "admin", {
      triggerId: first.triggerId,
      responseUrl: first.responseUrl,
      retryNum: 1,
    });
    expect(again.status).toBe(200);
    expect(await history()).toHaveLength(1);
    expect(h.fake.postsTo(first.responseUrl)).toHaveLength(1);
  });

  it("publishes the Home tab once for an event Slack retried", async () => {
    const event = { type: "app_home_opened", user: "UDANA", channel: "D0DANA", tab: "home", event_ts: "1.1" };
    expect(await h.event("EvSame", event)).toBe(200);
    expect(await h.event("EvSame", event, 1)).toBe(200);
    expect(await h.event("EvSame", event, 2)).toBe(200);
    expect(h.fake.callsTo("views.publish")).toHaveLength(1);
  });

  it("applies a repeated click once", async () => {
    const card = lastPost(h.fake, (await h.command("task S1-2")).responseUrl);
    const body = blockActionsBody({
      userId: "UADMIN",
      userName: "ada",
      channelId: CHANNEL,
      responseUrl: h.fake.responseUrl(),
      triggerId: h.fake.trigger(),
      button: button(card, "Start"),
    });
    for (const retryNum of [undefined, 1]) {
      await sendSigned(h.eventsUrl, body, "application/x-www-form-urlencoded", {
        secret: SECRET,
        ...(retryNum ? { retryNum } : {}),
      });
      await h.settle();
    }
    expect(await history()).toHaveLength(1);
  });

  it("still refuses a replay after a restart, because handled keys live in the database", async () => {
    const first = await h.command("assign S1-2 <@UDANA>");
    const http = createHttpApp();
    const log = silentLogger();
    const restarted = createSlackAdapter({
      bot: createBot(h.services, commands, actions),
      services: h.services,
      log,
      http,
      config: { botToken: h.fake.token, signingSecret: SECRET, apiUrl: h.fake.apiUrl },
    });
    await restarted.start();
    const { listen } = await import("../../adapters/http/server.js");
    const server = await listen(http.app, 0, "127.0.0.1");
    const port = (server.address() as { port: number }).port;
    const res = await sendSigned(
      `http://127.0.0.1:${port}/slack/events`,
      assignBody(first.responseUrl, first.triggerId),
      "application/x-www-form-urlencoded",
      { secret: SECRET },
    );
    await restarted.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(res.status).toBe(200);
    expect(await history()).toHaveLength(1);
  });
});

describe("hostile text is inert", () => {
  const dangerous = /<!|<@|<https?:|<mailto:/;

  it("escapes a task title full of pings and a disguised link, in cards, lists and fallback text", async () => {
    const typed =
      'add S2 "&lt;!channel&gt; <!here> <@UADMIN> &lt;https://evil.example|https://security.microsoft.com&gt; &amp; co" <@UDANA>';
    const added = lastPost(h.fake, (await h.command(typed)).responseUrl);
    const listed = lastPost(h.fake, (await h.command("tasks S2")).responseUrl);
    for (const post of [added, listed]) for (const text of parsedTexts(post)) expect(text).not.toMatch(dangerous);
    expect(allText(added)).toContain(
      "&lt;!channel&gt; @here @UADMIN &lt;https://evil.example|https://security.microsoft.com&gt; &amp; co",
    );
    expect(allText(listed)).toContain("&lt;!channel&gt; @here @UADMIN &lt;https://evil.ex…");
    const header = (added.blocks as { type: string; text: { type: string; text: string } }[])[0];
    expect(header?.text).toEqual({
      type: "plain_text",
      text: expect.stringContaining("<!channel> @here"),
      emoji: false,
    });
  });

  it("escapes a person's name from users.info everywhere it is shown", async () => {
    await h.command("role <@UEVE> analyst");
    await h.command("assign S1-2 <@UEVE>");
    const shown = [
      lastPost(h.fake, (await h.command("task S1-2")).responseUrl),
      lastPost(h.fake, (await h.command("tasks S1")).responseUrl),
    ];
    await h.event("EvEve", { type: "app_home_opened", user: "UEVE", channel: "D0EVE", tab: "home", event_ts: "1.2" });
    shown.push(h.fake.callsTo("views.publish")[0]?.args.view as Record<string, unknown>);
    for (const s of shown) {
      for (const text of parsedTexts(s)) expect(text).not.toMatch(dangerous);
      expect(allText(s)).toContain("&lt;!channel&gt; Eve &amp; &lt;https://evil.example|portal&gt; &lt;@UADMIN&gt;");
    }
  });

  it("never asks Slack to linkify names or parse the text", async () => {
    await h.command("assign S1-2 <@UDANA>");
    await h.command("tasks");
    for (const c of h.fake.calls) expect(c.args).not.toHaveProperty("link_names");
    for (const c of h.fake.calls) expect(c.args).not.toHaveProperty("parse");
    for (const r of h.fake.responses) expect(r.body).not.toHaveProperty("link_names");
  });
});
