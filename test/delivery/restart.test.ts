import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Messenger } from "../../src/core/messenger.js";
import { textReply } from "../../src/core/reply.js";
import { createDispatcher, LANE_LEASE_MS } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { testClock } from "../support/clock.js";
import { durableTestDatabase, openTestStorage, type TestDatabase } from "../support/test-storage.js";
import { titleOf } from "./scripted-messenger.js";
import { CONSOLE_PROFILE } from "../../adapters/console/profile.js";

const dirs: string[] = [];
const open: { storage: Storage; closed: boolean }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) if (!d.closed) await d.storage.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function reopen(database: TestDatabase): Promise<{ storage: Storage; closed: boolean }> {
  const d = { storage: await openTestStorage(database), closed: false };
  open.push(d);
  return d;
}

/** A console-platform messenger that records what reached "the platform" and can die right after one send. */
function recordingMessenger(
  seen: string[],
  dieAfter?: { text: string; database: { storage: Storage; closed: boolean } },
): Messenger {
  const send = async (text: string) => {
    seen.push(text);
    if (dieAfter && text === dieAfter.text) {
      // the process "crashes" before marking sent
      dieAfter.database.closed = true;
      await dieAfter.database.storage.close();
    }
    return { messageId: `m${seen.length}`, threadId: `m${seen.length}` };
  };
  return {
    profile: CONSOLE_PROFILE,
    post: (_t, reply) => send(titleOf(reply)),
    reply: (_t, _thread, reply) => send(titleOf(reply)),
    update: async (_t, _id, reply) => void (await send(titleOf(reply))),
    dm: async (_w, user, reply) => ({ ...(await send(titleOf(reply))), conversationId: user }),
  };
}

describe("dispatcher across a crash and restart", () => {
  it("repeats at most the one message in flight when it dies between sending and marking sent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "secops-outbox-"));
    dirs.push(dir);
    const database = durableTestDatabase(join(dir, "bot.db"));
    const clock = testClock("2026-03-02T10:00:00Z");
    const first = await reopen(database);
    for (const key of ["a", "b", "c"]) {
      await first.storage.outbox.enqueue(
        { key, workspace: "console", platform: "console", conversationId: "chan", op: "post", reply: textReply(key) },
        clock.now(),
      );
    }
    const seen: string[] = [];
    const before = createDispatcher({
      storage: first.storage,
      messengers: [recordingMessenger(seen, { text: "b", database: first })],
      clock: clock.now,
      log: silentLogger(),
    });
    await expect(before.tick()).rejects.toThrow();
    expect(seen).toEqual(["a", "b"]);

    // The restarted process is another dispatcher: it takes the conversation once the dead one's lease lapses.
    clock.advance(LANE_LEASE_MS + 1000);
    const second = await reopen(database);
    const after = createDispatcher({
      storage: second.storage,
      messengers: [recordingMessenger(seen)],
      clock: clock.now,
      log: silentLogger(),
    });
    await after.tick();
    await after.tick();
    expect(seen).toEqual(["a", "b", "b", "c"]);
    const statuses = await Promise.all(
      ["a", "b", "c"].map(async (k) => (await second.storage.outbox.byKey(k))?.status),
    );
    expect(statuses).toEqual(["sent", "sent", "sent"]);
  });
});
