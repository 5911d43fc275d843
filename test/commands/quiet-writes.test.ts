/**
 * An everyday command that changes nothing writes nothing (not the sender, not the task, not the
 * history), so the read-only commands people type most cost reads alone; a real change still writes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { openProbedStorage, type WriteProbe } from "../support/write-probe.js";

const HOUR = 3_600_000;
let t: TestBot;
let probe: WriteProbe;

beforeEach(async () => {
  const opened = await openProbedStorage();
  t = await createTestBot({ storage: opened.storage });
  await t.run("role @dana analyst");
  await t.run("assign S1-2 @dana due 2026-12-10");
  await t.run("task S1-2", "dana");
  probe = opened.probe;
  await probe.changed();
});

afterEach(async () => {
  await probe.close();
  await t.close();
});

describe("a command that changes nothing", () => {
  it.each(["task S1-2", "tasks mine", "tasks S2", "plan", "help assign", "me", "roles", "skills", "alerts"])(
    "`%s` from a known person an hour later writes nothing",
    async (line) => {
      t.clock.advance(HOUR);
      const answer = t.text(await t.run(line, "dana"));
      expect(answer).not.toMatch(/Unknown command|went wrong|needs /);
      expect(await probe.changed()).toBe(false);
    },
  );

  it("a refused command writes nothing either", async () => {
    t.clock.advance(HOUR);
    expect(t.text(await t.run("assign S1-3 @dana", "dana"))).toMatch(/needs/);
    expect(await probe.changed()).toBe(false);
  });
});

describe("what still writes", () => {
  it("a change of task, and a person whose display name changed", async () => {
    await t.run("start S1-2", "dana");
    expect(await probe.changed()).toBe(true);
    await t.run("task S1-2", "Dana");
    expect(await probe.changed()).toBe(true);
    expect((await t.services.people.byPlatformId(t.workspace, "dana"))?.displayName).toBe("Dana");
    await t.run("task S1-2", "Dana");
    expect(await probe.changed()).toBe(false);
  });

  it("a conversation seen again writes nothing until it was marked gone or its name changed", async () => {
    const sighting = {
      workspace: t.workspace,
      platform: "console" as const,
      id: "C9",
      kind: "channel" as const,
      reference: { channel: "C9", team: "T1" },
      name: "soc",
    };
    await t.services.conversations.remember(sighting, t.clock.now());
    expect(await probe.changed()).toBe(true);
    t.clock.advance(HOUR);
    await t.services.conversations.remember({ ...sighting, reference: { team: "T1", channel: "C9" } }, t.clock.now());
    await t.services.conversations.remember({ ...sighting, name: undefined }, t.clock.now());
    expect(await probe.changed()).toBe(false);
    await t.services.conversations.markGone({ ...sighting }, t.clock.now());
    expect(await probe.changed()).toBe(true);
    await t.services.conversations.remember(sighting, t.clock.now());
    expect(await probe.changed()).toBe(true);
    expect((await t.services.conversations.get(sighting))?.active).toBe(true);
    await t.services.conversations.remember({ ...sighting, name: "soc-2" }, t.clock.now());
    expect(await probe.changed()).toBe(true);
  });
});
