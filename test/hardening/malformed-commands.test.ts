import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { malformedCommands } from "../support/malformed-commands.js";
import { auditCount, outboxCount, peopleState, subscriptionsState, tasksState } from "../support/storage-state.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeAll(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @dana analyst");
  await t.run("assign S1-1 @dana due 2026-12-10");
});
afterAll(() => t.close());

async function state(): Promise<string> {
  return (
    (await tasksState(t.storage, t.workspace)) +
    (await peopleState(t.storage, t.workspace, (p) => [p.id, p.role, p.timezone, p.workStartHour, p.workEndHour])) +
    String(await auditCount(t.storage, t.workspace)) +
    (await subscriptionsState(t.storage)) +
    String(await outboxCount(t.storage))
  );
}

describe("a corpus of malformed commands", () => {
  const lines = malformedCommands();

  it("holds at least 200 lines", () => {
    expect(lines.length).toBeGreaterThanOrEqual(200);
  });

  it.each(lines.map((l) => [JSON.stringify(l).slice(0, 80), l]))(
    "%s is refused with a reason and the usage, changing nothing",
    async (_label, line) => {
      const before = await state();
      const text = t.text(await t.run(line));
      const [reason, usage, ...rest] = text.split("\n");
      expect(reason?.length).toBeGreaterThan(5);
      expect(reason).not.toContain("Something went wrong");
      expect(usage).toMatch(/^Usage: \S/);
      expect(rest).toEqual([]);
      expect(await state()).toBe(before);
    },
  );
});
