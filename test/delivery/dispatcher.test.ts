import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlatformName } from "../../src/core/incoming.js";
import { textReply } from "../../src/core/reply.js";
import { createDispatcher, type Dispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { testClock, type TestClock } from "../support/clock.js";
import { openTestStorage } from "../support/test-storage.js";
import {
  gone,
  rateLimited,
  refused,
  scriptedMessenger,
  serverError,
  type ScriptedMessenger,
} from "./scripted-messenger.js";

let storage: Storage;
let clock: TestClock;
let slack: ScriptedMessenger;
let teams: ScriptedMessenger;
let dispatcher: Dispatcher;

beforeEach(async () => {
  storage = await openTestStorage();
  clock = testClock("2026-03-02T10:00:00Z");
  slack = scriptedMessenger("slack");
  teams = scriptedMessenger("teams");
  dispatcher = createDispatcher({
    storage,
    messengers: [slack, teams],
    clock: clock.now,
    log: silentLogger(),
    retry: { random: () => 1 },
  });
});
afterEach(async () => {
  await dispatcher.stop();
  await storage.close();
});

async function put(
  key: string,
  op: "post" | "reply" | "update" | "dm",
  conversationId: string,
  options: { platform?: PlatformName; rootKey?: string; notBefore?: Date } = {},
): Promise<void> {
  const { platform = "slack", ...rest } = options;
  await storage.outbox.enqueue(
    { key, workspace: "T1", platform, conversationId, op, reply: textReply(key), ...rest },
    clock.now(),
  );
}

/** The outbox row with an idempotency key. */
function rowByKey(key: string) {
  return storage.outbox.byKey(key);
}

/** Ticks once a second for `seconds` seconds. */
async function run(seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    await dispatcher.tick();
    clock.advance(1000);
  }
}

describe("dispatcher", () => {
  it("sends each conversation's messages in order, replies in the root's thread, updates the root's message", async () => {
    await put("root", "post", "C1");
    await put("r1", "reply", "C1", { rootKey: "root" });
    await put("r2", "reply", "C1", { rootKey: "root" });
    await put("edit", "update", "C1", { rootKey: "root" });
    await run(5);
    expect(slack.calls.map((c) => `${c.op}:${c.text}:${c.ref ?? ""}`)).toEqual([
      "post:root:",
      "reply:r1:m1",
      "reply:r2:m1",
      "update:edit:m1",
    ]);
    expect(await storage.outbox.sentRef("r2")).toEqual({ messageId: "m3", threadId: "m1" });
    expect((await rowByKey("edit"))?.status).toBe("sent");
  });

  it("keeps Slack to one message a second per channel, but serves other channels meanwhile", async () => {
    for (const k of ["a1", "a2", "a3"]) await put(k, "post", "CA");
    await put("b1", "post", "CB");
    expect(await dispatcher.tick()).toBe(2);
    expect(await dispatcher.tick()).toBe(0);
    clock.advance(1000);
    expect(await dispatcher.tick()).toBe(1);
    clock.advance(1000);
    await dispatcher.tick();
    expect(slack.calls.map((c) => c.text)).toEqual(["a1", "b1", "a2", "a3"]);
  });

  it("keeps Teams to 7 messages a second per conversation", async () => {
    for (let i = 1; i <= 10; i++) await put(`t${i}`, "post", "19:chat", { platform: "teams" });
    expect(await dispatcher.tick()).toBe(7);
    clock.advance(1000);
    expect(await dispatcher.tick()).toBe(1); // 8 per 2 seconds
    clock.advance(1000);
    expect(await dispatcher.tick()).toBe(2);
    expect(teams.calls.map((c) => c.text)).toEqual(Array.from({ length: 10 }, (_, i) => `t${i + 1}`));
  });

  it("honours Retry-After on a 429 and holds back the rest of that conversation", async () => {
    await put("first", "post", "C1");
    await put("second", "post", "C1");
    slack.failNext(rateLimited(30_000));
    await dispatcher.tick();
    const row = await rowByKey("first");
    expect(row?.attempts).toBe(1);
    expect(row?.nextAttemptAt).toBe("2026-03-02T10:00:30.000Z");
    await run(29);
    expect(slack.calls).toEqual([]);
    await run(3);
    expect(slack.calls.map((c) => c.text)).toEqual(["first", "second"]);
  });

  it("backs off exponentially on 5xx", async () => {
    await put("m", "post", "C1");
    slack.failNext(serverError(), serverError(), serverError());
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = clock.now().getTime();
      await dispatcher.tick();
      const next = Date.parse((await rowByKey("m"))?.nextAttemptAt ?? "");
      waits.push(next - before);
      clock.set(new Date(next).toISOString());
    }
    expect(waits).toEqual([1000, 2000, 4000]);
    await dispatcher.tick();
    expect((await rowByKey("m"))?.status).toBe("sent");
  });

  it("loses nothing and keeps thread order when the platform is down for an hour", async () => {
    await put("root", "post", "C1");
    for (let i = 1; i <= 5; i++) await put(`reply${i}`, "reply", "C1", { rootKey: "root" });
    await put("other", "post", "C2");
    slack.breakWith(serverError());
    for (let s = 0; s < 3600; s += 10) {
      await dispatcher.tick();
      clock.advance(10_000);
    }
    expect(slack.calls).toEqual([]);
    slack.heal();
    clock.advance(5 * 60_000);
    await run(10);
    expect(slack.calls.filter((c) => c.conversationId === "C1").map((c) => c.text)).toEqual([
      "root",
      "reply1",
      "reply2",
      "reply3",
      "reply4",
      "reply5",
    ]);
    expect(slack.calls.map((c) => c.text)).toContain("other");
  });

  it("never lets a later reply overtake one that is being retried", async () => {
    const teamsThread = { platform: "teams" as const, rootKey: "root" };
    await put("root", "post", "19:c", { platform: "teams" });
    await run(1);
    await put("r1", "reply", "19:c", teamsThread);
    await put("r2", "reply", "19:c", teamsThread);
    teams.failNext(serverError());
    await run(10);
    expect(teams.calls.map((c) => c.text)).toEqual(["root", "r1", "r2"]);
  });

  it("gives up after a day of transient failures, counted from the first failure, not from enqueueing", async () => {
    await put("weekend", "dm", "U1", { notBefore: new Date("2026-03-05T10:00:00Z") });
    clock.set("2026-03-05T10:00:00Z");
    slack.breakWith(serverError());
    const until = (iso: string) => async () => {
      while (clock.now() < new Date(iso)) {
        await dispatcher.tick();
        clock.advance(60_000);
      }
    };
    await until("2026-03-06T09:59:00Z")();
    expect((await rowByKey("weekend"))?.status).toBe("pending");
    await until("2026-03-06T10:10:00Z")();
    expect(await rowByKey("weekend")).toMatchObject({
      status: "failed",
      lastError: "gave up: 503 service unavailable",
    });
  });

  it("fails a permanently refused message and goes on with the next", async () => {
    await put("bad", "post", "C1");
    await put("reply-to-bad", "reply", "C1", { rootKey: "bad" });
    await put("good", "post", "C1");
    slack.failNext(refused());
    await run(3);
    expect((await rowByKey("bad"))?.status).toBe("failed");
    expect((await rowByKey("bad"))?.lastError).toContain("invalid_blocks");
    expect((await rowByKey("reply-to-bad"))?.status).toBe("failed");
    expect(slack.calls.map((c) => c.text)).toEqual(["good"]);
  });

  it("marks a gone conversation inactive and stops sending there", async () => {
    await put("a", "post", "C-gone");
    await put("b", "post", "C-gone");
    await put("elsewhere", "post", "C2");
    slack.failNext(gone());
    await run(3);
    expect(await storage.conversations.isInactive({ workspace: "T1", platform: "slack", id: "C-gone" })).toBe(true);
    expect((await rowByKey("b"))?.status).toBe("failed");
    expect(slack.calls.map((c) => c.text)).toEqual(["elsewhere"]);
  });

  it("sends a DM through the platform's chat and threads replies in that chat", async () => {
    await put("hello", "dm", "U1");
    await put("follow-up", "reply", "U1", { rootKey: "hello" });
    await run(3);
    expect((await rowByKey("hello"))?.deliveredConversationId).toBe("D-U1");
    expect(slack.calls.map((c) => `${c.op}:${c.conversationId}`)).toEqual(["dm:U1", "reply:D-U1"]);
  });

  it("waits for a message's send time without holding back later ones", async () => {
    await put("later", "dm", "U1", { notBefore: new Date("2026-03-02T11:00:00Z") });
    await put("now", "dm", "U1");
    await run(2);
    expect(slack.calls.map((c) => c.text)).toEqual(["now"]);
    clock.set("2026-03-02T11:00:00Z");
    await run(1);
    expect(slack.calls.map((c) => c.text)).toEqual(["now", "later"]);
  });

  it("keeps messages for a platform that is not enabled", async () => {
    await put("c", "post", "console-chan", { platform: "console" });
    await run(2);
    expect((await rowByKey("c"))?.status).toBe("pending");
  });

  it("stop() lets the message in flight finish and be recorded, then sends nothing more", async () => {
    await put("one", "post", "C1");
    await put("two", "post", "C2");
    const release = slack.holdNext();
    dispatcher.start();
    await slack.heldCallArrived();
    const stopped = dispatcher.stop();
    release();
    await stopped;
    expect((await rowByKey("one"))?.status).toBe("sent");
    expect((await rowByKey("two"))?.status).toBe("pending");
    expect(slack.calls.map((c) => c.text)).toEqual(["one"]);
  });
});
