/**
 * The dispatcher end to end through the real Slack and Teams Messengers (real SDKs) against the local
 * fakes, with 429 (Retry-After) and 5xx injected: digests and reminders arrive once, in order, late but whole.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Services } from "../../src/app/services.js";
import { runDigestCatchUp } from "../../src/digest/deliver.js";
import { createDispatcher, type Dispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { runReminders } from "../../src/reminders/job.js";
import { testClock, type TestClock } from "../support/clock.js";
import { CHANNEL as SLACK_CHANNEL, startHarness, type Harness } from "../slack/harness.js";
import { ADA, CHANNEL as TEAMS_CHANNEL, channel } from "../teams/activities.js";
import { startTeamsHarness, type TeamsHarness } from "../teams/harness.js";
import { testPlatforms } from "../support/platforms.js";

let close: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of close.reverse()) await c();
  close = [];
});

/** Ticks the dispatcher once a second until the outbox is empty (at most `seconds`). */
async function drain(dispatcher: Dispatcher, services: Services, clock: TestClock, seconds: number): Promise<void> {
  const pending = async () => (await services.outbox.all()).filter((r) => r.status === "pending").length;
  for (let i = 0; i < seconds && (await pending()) > 0; i++) {
    await dispatcher.tick();
    clock.advance(1000);
  }
}

const monday = "2026-11-30T09:00:00Z";

describe("through the Slack Messenger and the fake Slack Web API", () => {
  let h: Harness;
  async function start(): Promise<{ clock: TestClock; dispatcher: Dispatcher }> {
    h = await startHarness();
    close.push(() => h.close());
    const clock = testClock(monday);
    const dispatcher = createDispatcher({
      storage: h.services,
      messengers: [h.adapter.messenger],
      clock: clock.now,
      log: silentLogger(),
      retry: { random: () => 1 },
    });
    close.push(() => dispatcher.stop());
    return { clock, dispatcher };
  }

  it("delivers the digest and a reminder once each despite a 429 and a 503", async () => {
    const { clock, dispatcher } = await start();
    clock.set("2026-11-30T10:00:00Z");
    await h.command("subscribe digest");
    await h.command("assign S1-2 <@UADMIN|ada> due 2026-12-02"); // to themself: no assignment notice
    expect(
      await runDigestCatchUp(
        { services: h.services, platforms: testPlatforms(h.services, h.adapter.messenger.profile) },
        new Date(monday),
      ),
    ).toBe(1);
    await runReminders(
      { services: h.services, platforms: testPlatforms(h.services, h.adapter.messenger.profile) },
      new Date("2026-11-30T10:00:00Z"),
    );
    const before = h.fake.callsTo("chat.postMessage").length;
    h.fake.fail("chat.postMessage", { status: 429, retryAfter: 2 });
    h.fake.fail("chat.postMessage", { status: 503 });

    await dispatcher.tick(); // digest: 429 (wait 2 s); reminder DM: 503 (back off 1 s)
    const digestKey = `digest:slack:T0FAKE:slack:${SLACK_CHANNEL}:2026-W49`;
    expect(await h.services.outbox.byKey(digestKey)).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: "2026-11-30T10:00:02.000Z",
    });
    clock.advance(1000);
    await dispatcher.tick();
    expect((await h.services.outbox.byKey(digestKey))?.status).toBe("pending");
    await drain(dispatcher, h.services, clock, 10);

    const posts = h.fake.callsTo("chat.postMessage").slice(before);
    expect(posts.map((p) => p.args.channel)).toEqual([SLACK_CHANNEL, "DADMIN", "DADMIN", SLACK_CHANNEL]);
    const digest = posts[3]?.args;
    expect(JSON.stringify(digest?.blocks)).toContain("Weekly digest");
    expect(await h.services.outbox.byKey(digestKey)).toMatchObject({
      status: "sent",
      messageId: expect.stringMatching(/^\d+\.\d+$/),
    });
    const reminder = JSON.stringify(posts[2]?.args.blocks);
    expect(reminder).toContain("S1-2 is due in 2 days");
    expect(reminder).toContain('"action_id":"task.done');
    expect(reminder).toContain('"action_id":"task.snooze');
    expect(h.fake.rejected).toEqual([]);
  });

  it("threads a reply under the digest using the ts Slack gave it", async () => {
    const { clock, dispatcher } = await start();
    await h.command("subscribe digest");
    await runDigestCatchUp(
      { services: h.services, platforms: testPlatforms(h.services, h.adapter.messenger.profile) },
      new Date(monday),
    );
    const digestKey = `digest:slack:T0FAKE:slack:${SLACK_CHANNEL}:2026-W49`;
    const reply = { kind: "text" as const, spans: ["A follow-up"], visibility: "conversation" as const };
    await h.services.outbox.enqueue(
      {
        key: "follow-up",
        workspace: "slack:T0FAKE",
        platform: "slack",
        conversationId: SLACK_CHANNEL,
        op: "reply",
        rootKey: digestKey,
        reply,
      },
      clock.now(),
    );
    h.fake.fail("chat.postMessage", { status: 500 });
    await drain(dispatcher, h.services, clock, 10);
    const root = await h.services.outbox.byKey(digestKey);
    const last = h.fake.callsTo("chat.postMessage").at(-1);
    expect(last?.args).toMatchObject({ channel: SLACK_CHANNEL, thread_ts: root?.messageId, text: "A follow-up" });
  });
});

describe("through the Teams Messenger and the fake Bot Connector", () => {
  it("starts the digest thread after a 429 (Retry-After) and a 502, and replies inside it in order", async () => {
    const h: TeamsHarness = await startTeamsHarness({ now: "2026-11-28T10:00:00Z" });
    close.push(() => h.close());
    const clock = testClock(monday);
    const dispatcher = createDispatcher({
      storage: h.services,
      messengers: [h.teams.messenger],
      clock: clock.now,
      log: silentLogger(),
      retry: { random: () => 1 },
    });
    close.push(() => dispatcher.stop());
    await h.post(channel(h.connector.serviceUrl, ADA, "<at>SecOps</at> subscribe digest"));
    const [sub] = await h.services.subscriptions.ofKind("digest");
    expect(sub?.conversationId).toBe(TEAMS_CHANNEL);
    expect(
      await runDigestCatchUp(
        { services: h.services, platforms: testPlatforms(h.services, h.teams.messenger.profile) },
        new Date(monday),
      ),
    ).toBe(1);
    const digestKey = `digest:${h.workspace}:teams:${TEAMS_CHANNEL}:2026-W49`;
    for (const n of [1, 2]) {
      const reply = { kind: "text" as const, spans: [`Follow-up ${n}`], visibility: "conversation" as const };
      await h.services.outbox.enqueue(
        {
          key: `f${n}`,
          workspace: h.workspace,
          platform: "teams",
          conversationId: TEAMS_CHANNEL,
          op: "reply",
          rootKey: digestKey,
          reply,
        },
        clock.now(),
      );
    }
    const creates = () => h.connector.callsOf("createConversation");
    const already = creates().length;
    h.connector.fail({ status: 429, retryAfterSeconds: 3, when: (c) => c.operation === "createConversation" });
    h.connector.fail({ status: 502, when: (c) => c.operation === "createConversation" });

    await dispatcher.tick();
    expect((await h.services.outbox.byKey(digestKey))?.nextAttemptAt).toBe("2026-11-30T09:00:03.000Z");
    for (let i = 0; i < 2; i++) {
      clock.advance(1000);
      await dispatcher.tick();
    }
    expect(creates().length - already).toBe(1);
    await drain(dispatcher, h.services, clock, 20);

    expect(
      creates()
        .slice(already)
        .map((c) => c.status),
    ).toEqual([429, 502, 201]);
    const root = await h.services.outbox.byKey(digestKey);
    expect(root?.threadId).toBe(`${TEAMS_CHANNEL};messageid=${root?.messageId}`);
    const replies = h.connector.callsOf("sendToConversation").filter((c) => c.conversationId === root?.threadId);
    expect(replies.map((c) => h.cardText(c))).toEqual([
      expect.stringContaining("Follow-up 1"),
      expect.stringContaining("Follow-up 2"),
    ]);
    const digestCard = JSON.stringify(
      h.card({ ...creates().at(-1)!, body: creates().at(-1)?.body?.activity as Record<string, unknown> }),
    );
    expect(digestCard).toContain("Weekly digest");
    expect(digestCard).toContain("data:image/png;base64,");
  });
});
