import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Messenger } from "../../src/core/messenger.js";
import { textReply } from "../../src/core/reply.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { enqueue } from "../../src/delivery/outbox.js";
import { rowByKey } from "../../src/delivery/outbox-rows.js";
import { silentLogger } from "../../src/logger.js";
import { openDatabase, type OpenDatabase } from "../../src/storage/db.js";
import { testClock } from "../support/clock.js";
import { titleOf } from "./scripted-messenger.js";

const dirs: string[] = [];
const open: OpenDatabase[] = [];
afterEach(() => {
  for (const d of open.splice(0)) if (d.sqlite.open) d.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function reopen(path: string): OpenDatabase {
  const d = openDatabase(path);
  open.push(d);
  return d;
}

/** A console-platform messenger that records what reached "the platform" and can die right after one send. */
function recordingMessenger(seen: string[], dieAfter?: { text: string; database: OpenDatabase }): Messenger {
  const send = async (text: string) => {
    seen.push(text);
    if (dieAfter && text === dieAfter.text) dieAfter.database.close(); // the process "crashes" before marking sent
    return { messageId: `m${seen.length}`, threadId: `m${seen.length}` };
  };
  return {
    platform: "console",
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
    const path = join(dir, "bot.db");
    const clock = testClock("2026-03-02T10:00:00Z");
    const first = reopen(path);
    for (const key of ["a", "b", "c"]) {
      enqueue(
        first.db,
        { key, workspace: "console", platform: "console", conversationId: "chan", op: "post", reply: textReply(key) },
        clock.now(),
      );
    }
    const seen: string[] = [];
    const before = createDispatcher({
      db: first.db,
      messengers: [recordingMessenger(seen, { text: "b", database: first })],
      clock: clock.now,
      log: silentLogger(),
    });
    await expect(before.tick()).rejects.toThrow();
    expect(seen).toEqual(["a", "b"]);

    const second = reopen(path);
    const after = createDispatcher({
      db: second.db,
      messengers: [recordingMessenger(seen)],
      clock: clock.now,
      log: silentLogger(),
    });
    await after.tick();
    await after.tick();
    expect(seen).toEqual(["a", "b", "b", "c"]);
    expect(["a", "b", "c"].map((k) => rowByKey(second.db, k)?.status)).toEqual(["sent", "sent", "sent"]);
  });
});
