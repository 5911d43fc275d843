/**
 * Two dispatchers on one database (as on two replicas): each conversation is sent by one of them at
 * a time, so no message goes out twice and order holds; a dispatcher that stops gives its
 * conversations back at once, and one that dies leaves them to expire to the other.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textReply } from "../../src/core/reply.js";
import { createDispatcher, LANE_LEASE_MS, type Dispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { testClock, type TestClock } from "../support/clock.js";
import { openTestStorage } from "../support/test-storage.js";
import { scriptedMessenger, type ScriptedMessenger } from "./scripted-messenger.js";

let storage: Storage;
let clock: TestClock;
let one: { dispatcher: Dispatcher; slack: ScriptedMessenger };
let two: { dispatcher: Dispatcher; slack: ScriptedMessenger };

function replica(holder: string) {
  const slack = scriptedMessenger("slack");
  const dispatcher = createDispatcher({ storage, messengers: [slack], clock: clock.now, log: silentLogger(), holder });
  return { dispatcher, slack };
}

beforeEach(async () => {
  storage = await openTestStorage();
  clock = testClock("2026-03-02T10:00:00Z");
  one = replica("replica-one");
  two = replica("replica-two");
});
afterEach(async () => {
  await one.dispatcher.stop();
  await two.dispatcher.stop();
  await storage.close();
});

async function enqueue(conversationId: string, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) {
    const key = `${conversationId}-${n}`;
    await storage.outbox.enqueue(
      { key, workspace: "T1", platform: "slack", conversationId, op: "post", reply: textReply(key) },
      clock.now(),
    );
  }
}

const sentKeys = (m: ScriptedMessenger) => m.calls.map((c) => c.text);

describe("two dispatchers on one outbox", () => {
  it("never send the same message twice and keep each conversation's order", async () => {
    await enqueue("C1", 3);
    await enqueue("C2", 3);
    for (let second = 0; second < 4; second++) {
      await Promise.all([one.dispatcher.tick(), two.dispatcher.tick()]);
      clock.advance(1000);
    }
    const all = [...sentKeys(one.slack), ...sentKeys(two.slack)];
    expect(all.sort()).toEqual(["C1-1", "C1-2", "C1-3", "C2-1", "C2-2", "C2-3"]);
    for (const m of [one.slack, two.slack]) {
      for (const conversation of ["C1", "C2"]) {
        const mine = sentKeys(m).filter((k) => k.startsWith(conversation));
        expect(mine).toEqual([...mine].sort());
        expect(mine.length === 0 || mine.length === 3).toBe(true);
      }
    }
  });

  it("hands a stopped dispatcher's conversations to the other at once, a dead one's after the lease", async () => {
    await enqueue("C1", 1);
    await one.dispatcher.tick();
    expect(sentKeys(one.slack)).toEqual(["C1-1"]);
    await enqueue("C1", 2);
    clock.advance(1000);
    await two.dispatcher.tick();
    expect(sentKeys(two.slack)).toEqual([]);
    clock.advance(LANE_LEASE_MS);
    await two.dispatcher.tick();
    expect(sentKeys(two.slack)).toEqual(["C1-2"]);

    await one.dispatcher.tick();
    expect(sentKeys(one.slack)).toEqual(["C1-1"]);
    await two.dispatcher.stop();
    await storage.outbox.enqueue(
      { key: "C1-3", workspace: "T1", platform: "slack", conversationId: "C1", op: "post", reply: textReply("C1-3") },
      clock.now(),
    );
    clock.advance(1000);
    await one.dispatcher.tick();
    expect(sentKeys(one.slack)).toEqual(["C1-1", "C1-3"]);
  });
});
