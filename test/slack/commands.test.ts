/** The /secops slash command end to end: signed requests in, answers out in the ack body or through response_url. */
import { describe, expect, it } from "vitest";
import { ACK_ANSWER_BUDGET_MS } from "../../adapters/slack/command.js";
import { sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { allText, lastPost } from "./blocks.js";
import { CHANNEL, SECRET, useHarness, type Harness } from "./harness.js";

let h: Harness;
useHarness((started) => (h = started));

describe("/secops commands", () => {
  it("answers help privately inside the ack, with fallback text, and posts nothing more", async () => {
    const sent = await h.command("help");
    expect(sent.status).toBe(200);
    expect(h.fake.responses.map((r) => r.via)).toEqual(["ack"]);
    const post = lastPost(h.fake, sent.responseUrl);
    expect(post.response_type).toBe("ephemeral");
    expect(post.text).toContain("SecOps bot commands");
    expect(allText(post)).toContain("assign S2 @dana due 2027-01-15");
    expect(h.fake.calls.filter((c) => c.method.startsWith("chat."))).toEqual([]);
  });

  it("puts a change the channel should see in the ack as in_channel", async () => {
    await h.command("assign S1-2 <@UDANA|dana>");
    expect(h.fake.responses.at(-1)).toMatchObject({ via: "ack", body: { response_type: "in_channel" } });
  });

  it("acks empty when the answer is not ready within the budget and answers through response_url afterwards", async () => {
    h.fake.slow("users.info", ACK_ANSWER_BUDGET_MS + 300);
    const responseUrl = h.fake.responseUrl();
    const body = slashCommandBody({
      text: "plan",
      userId: "UADMIN",
      userName: "ada",
      channelId: CHANNEL,
      responseUrl,
      triggerId: h.fake.trigger(),
    });
    const res = await sendSigned(h.eventsUrl, body, "application/x-www-form-urlencoded", { secret: SECRET });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(h.fake.postsTo(responseUrl)).toHaveLength(0);
    await h.settle();
    expect(lastPost(h.fake, responseUrl).text).toContain("adoption plan");
    expect(h.fake.responses.map((r) => r.via)).toEqual(["response_url"]);
  });

  it("treats a bare /secops as help", async () => {
    const sent = await h.command("");
    expect(lastPost(h.fake, sent.responseUrl).text).toContain("SecOps bot commands");
  });

  it("shows the plan with progress per stage", async () => {
    const sent = await h.command("plan");
    const text = allText(lastPost(h.fake, sent.responseUrl));
    expect(text).toContain("Threat protection and XDR adoption plan");
    expect(text).toMatch(/0% \(0\/\d+\)/);
  });

  it("assigns a mentioned person, resolving them through users.info, and posts it in the channel", async () => {
    const sent = await h.command("assign S1-2 <@UDANA|dana> due friday");
    const post = lastPost(h.fake, sent.responseUrl);
    expect(post.response_type).toBe("in_channel");
    expect(allText(post)).toContain("dana");
    expect(allText(post)).toContain("S1-2 → dana, due Fri 4 Dec");
    const dana = await h.services.people.byPlatformId("slack:T0FAKE", "UDANA");
    expect(dana?.email).toBe("dana@example.com");
    expect((await h.services.tasks.get("slack:T0FAKE", "S1-2"))?.ownerId).toBe(dana?.id);
    expect(h.fake.callsTo("users.info").map((c) => c.args.user)).toContain("UDANA");
  });

  it("lists tasks privately and shows one task with its buttons", async () => {
    const list = await h.command("tasks S1");
    expect(lastPost(h.fake, list.responseUrl).response_type).toBe("ephemeral");
    expect(allText(lastPost(h.fake, list.responseUrl))).toContain("S1-1");
    const one = await h.command("task S1-2");
    const card = lastPost(h.fake, one.responseUrl);
    expect(allText(card)).toContain("Turn on");
    expect(allText(card)).toMatch(/Start[\s\S]*Done[\s\S]*Reassign/);
  });

  it("runs role, due, start and done as the people Slack says they are", async () => {
    await h.command("role <@UDANA|dana> analyst");
    await h.command("assign S1-3 <@UDANA>");
    const due = await h.command("due S1-3 2026-12-20", "dana");
    expect(allText(lastPost(h.fake, due.responseUrl))).toContain("S1-3 due Sun 20 Dec");
    const start = await h.command("start S1-3", "dana");
    expect(allText(lastPost(h.fake, start.responseUrl))).toContain("in progress");
    const done = await h.command("done S1-3", "dana");
    expect(lastPost(h.fake, done.responseUrl).response_type).toBe("in_channel");
    expect((await h.services.tasks.get("slack:T0FAKE", "S1-3"))?.status).toBe("done");
  });

  it("refuses a command the person's role does not allow, privately, and changes nothing", async () => {
    const sent = await h.command("assign S1-2 <@ULEAD>", "dana");
    const post = lastPost(h.fake, sent.responseUrl);
    expect(post.response_type).toBe("ephemeral");
    expect(post.text).toMatch(/needs a lead or an admin/);
    expect((await h.services.tasks.get("slack:T0FAKE", "S1-2"))?.ownerId).toBeNull();
  });

  it("adds a task with the text Slack escaped decoded once and escaped again on the way out", async () => {
    const sent = await h.command('add S2 "Block &lt;script&gt; &amp; macros" <@UDANA>');
    const post = lastPost(h.fake, sent.responseUrl);
    expect(allText(post)).toContain("Block &lt;script&gt; &amp; macros");
    const task = (await h.services.tasks.all("slack:T0FAKE")).find((t) => t.custom);
    expect(task?.title).toBe("Block <script> & macros");
  });

  it("saves the channel for proactive posts", async () => {
    await h.command("plan");
    const saved = await h.storage.conversations.get({ workspace: "slack:T0FAKE", platform: "slack", id: CHANNEL });
    expect(saved).toMatchObject({ workspace: "slack:T0FAKE", kind: "channel", name: "secops", active: true });
  });

  it("answers an unknown command with the reason and the usage line", async () => {
    const sent = await h.command("frobnicate");
    expect(lastPost(h.fake, sent.responseUrl).text).toMatch(/Unknown command[\s\S]*Usage/);
  });
});
