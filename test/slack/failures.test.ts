/** Slack failing under the adapter: retried where that helps, otherwise explained to the person; never a crash. */
import { describe, expect, it } from "vitest";
import { lastPost } from "./blocks.js";
import { CHANNEL, useHarness, type Harness } from "./harness.js";

const WS = "slack:T0FAKE";
let h: Harness;
// Every answer goes through response_url here, so its failures take the fallbacks under test.
useHarness((started) => (h = started), { ackAnswerBudgetMs: 0 });

/** The direct messages the bot sent to a person's DM channel (the fake opens D<id without U>). */
const dmsTo = (userId: string) =>
  h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === `D${userId.slice(1)}`);

describe("when Slack fails", () => {
  it("posts a channel reply with chat.postMessage when the response_url fails", async () => {
    h.fake.fail("response_url", { status: 500 });
    await h.command("assign S1-2 <@UDANA>");
    const post = h.fake.callsTo("chat.postMessage")[0];
    expect(post?.args).toMatchObject({ channel: CHANNEL, unfurl_links: "false" });
    expect(post?.authorization).toBe(`Bearer ${h.fake.token}`);
    expect(post?.contentType).toContain("application/x-www-form-urlencoded");
    expect(Array.isArray(post?.args.blocks)).toBe(true);
    expect((await h.services.tasks.get(WS, "S1-2"))?.ownerName).toBe("dana");
  });

  it("answers privately with chat.postEphemeral when the response_url has expired", async () => {
    h.fake.fail("response_url", { status: 404 });
    await h.command("tasks mine", "dana");
    expect(h.fake.callsTo("chat.postEphemeral")[0]?.args).toMatchObject({ channel: CHANNEL, user: "UDANA" });
  });

  it.each([
    ["not_in_channel", { member: false, archived: false }, /not a member of that channel/],
    ["is_archived", { member: true, archived: true }, /can't find that conversation/],
  ])("tells the person in plain words when Slack says %s", async (_code, channel, words) => {
    h.fake.state.channels.set(CHANNEL, channel);
    h.fake.fail("response_url", { status: 500 });
    await h.command("assign S1-2 <@UDANA>");
    const dm = dmsTo("UADMIN")[0];
    expect(String(dm?.args.text)).toMatch(words);
  });

  it("explains a revoked token instead of opening the modal", async () => {
    h.fake.fail("views.open", { error: "invalid_auth" });
    const sent = await h.command("assign");
    expect(lastPost(h.fake, sent.responseUrl).text).toMatch(/token is not working/);
  });

  it("waits out a 429 with Retry-After and then publishes the Home tab", async () => {
    h.fake.fail("views.publish", { status: 429, retryAfter: 1 });
    await h.event("Ev429", { type: "app_home_opened", user: "UDANA", channel: "D0DANA", tab: "home", event_ts: "1.3" });
    await h.fake.waitFor("a second views.publish", () => h.fake.callsTo("views.publish").length === 2);
    expect(h.fake.callsTo("views.publish")).toHaveLength(2);
  });

  it("retries a 5xx once and carries on", async () => {
    h.fake.fail("views.open", { status: 503 });
    await h.command("add");
    expect(h.fake.callsTo("views.open")).toHaveLength(2);
    expect(h.fake.responses).toHaveLength(0);
  });

  it("falls back to the name Slack sent when users.info keeps failing", async () => {
    h.fake.fail("users.info", { status: 502 }, 2);
    const sent = await h.command("me");
    expect(lastPost(h.fake, sent.responseUrl).text).toContain("Settings for ada");
  });

  it("keeps serving after failures", async () => {
    h.fake.fail("response_url", { status: 500 });
    h.fake.fail("chat.postEphemeral", { status: 500 }, 2);
    h.fake.fail("conversations.open", { error: "invalid_auth" }, 4);
    await h.command("help");
    const sent = await h.command("help");
    expect(lastPost(h.fake, sent.responseUrl).text).toContain("SecOps bot commands");
  });
});
