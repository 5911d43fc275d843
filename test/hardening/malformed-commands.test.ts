import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { malformedCommands } from "../support/malformed-commands.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeAll(async () => {
  t = createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @dana analyst");
  await t.run("assign S1-1 @dana due 2026-12-10");
});
afterAll(() => t.close());

function state(): string {
  const q = (sql: string) => JSON.stringify(t.database.sqlite.prepare(sql).all());
  return (
    q("select * from tasks order by workspace, id") +
    q("select id, role, timezone, work_start_hour, work_end_hour from people order by id") +
    q("select count(*) from audit_events") +
    q("select * from subscriptions") +
    q("select count(*) from outbox")
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
      const before = state();
      const text = t.text(await t.run(line));
      const [reason, usage, ...rest] = text.split("\n");
      expect(reason?.length).toBeGreaterThan(5);
      expect(reason).not.toContain("Something went wrong");
      expect(usage).toMatch(/^Usage: \S/);
      expect(rest).toEqual([]);
      expect(state()).toBe(before);
    },
  );
});
