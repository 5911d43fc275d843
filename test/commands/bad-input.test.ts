import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCount, peopleState, subscriptionsState, tasksState } from "../support/storage-state.js";
import { createTestBot, PLAIN, replyText, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeAll(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @dana analyst");
});
afterAll(() => t.close());

async function state(): Promise<string> {
  return (
    (await tasksState(t.storage, t.workspace)) +
    (await peopleState(t.storage, t.workspace)) +
    String(await auditCount(t.storage, t.workspace)) +
    (await subscriptionsState(t.storage))
  );
}

const CASES: [string, string, RegExp, string][] = [
  ["unknown command", "frobnicate S1-1", /Unknown command "frobnicate"/, "help [command]"],
  ["unknown task id", "assign S1-99 @dana", /There is no task S1-99/, "assign <task…|area> @person [due <date>]"],
  ["malformed task id", "done S9-x", /"S9-x" is not a task id/, "done <task> [note]"],
  ["missing task id", "start", /Missing the task id/, "start <task> [note]"],
  ["missing person", "assign S1-2", /Missing the person/, "assign <task…|area> @person [due <date>]"],
  ["person without @", "assign S1-2 dana", /"dana" is not a person/, "assign <task…|area> @person [due <date>]"],
  [
    "unparseable date",
    "assign S1-2 @dana due someday soon",
    /can't read "someday soon" as a date/,
    "assign <task…|area> @person [due <date>]",
  ],
  ["past date", "due S1-2 2020-01-01", /2020-01-01 is in the past/, "due <task…|area> <date>"],
  ["impossible date", "due S1-2 2026-02-30", /not a real date/, "due <task…|area> <date>"],
  ["missing date", "due S1-2", /A date is missing/, "due <task…|area> <date>"],
  [
    "stray word before due",
    "assign S1-2 @dana soonish",
    /a date goes after "due"/,
    "assign <task…|area> @person [due <date>]",
  ],
  ["unknown role", "role @dana overlord", /"overlord" is not a role/, "role @person admin|lead|analyst|none"],
  ["extra arguments", "task S1-2 please", /Unexpected "please"/, "task <id>"],
  ["extra arguments on plan", "plan now", /Unexpected "now"/, "plan [strategy | ready | adopt | govern | resources]"],
  [
    "unknown filter",
    "tasks urgent",
    /"urgent" is not a filter/,
    "tasks [area] [mine | @person] [open | overdue | blocked | done | unassigned | skipped | removed]",
  ],
  ["unknown area", 'add S7 "Title"', /"S7" is not an area/, 'add <area> "<title>" [@owner] [due <date>]'],
  ["title too short", 'add S2 "x"', /A title has 3 to 120 characters/, 'add <area> "<title>" [@owner] [due <date>]'],
  ["unclosed quote", 'add S2 "Half a title', /A quote is not closed/, 'add <area> "<title>" [@owner] [due <date>]'],
  [
    "10,000-character line",
    "add S2 " + "x".repeat(10_000),
    /10007 characters long; the limit is 2000/,
    "help [command]",
  ],
  ["control characters", "assign S1-2 @dana\u0007 due friday", /control characters/, "help [command]"],
  ["bidi override", "add S2 \u202eevil", /control characters/, "help [command]"],
  ["empty line", "", /The command is empty/, "help [command]"],
  ["blank line", "   ", /The command is empty/, "help [command]"],
  ["unknown help topic", "help nothing", /There is no command "nothing"/, "help [command]"],
  ["unknown feed", "subscribe weather", /"weather" is not a feed/, "subscribe <digest|incidents> [settings]"],
];

describe("malformed commands", () => {
  it.each(CASES)("%s: a one-line reason, the usage, nothing changed", async (_name, line, reason, usage) => {
    const before = await state();
    const text = t.text(await t.run(line));
    const [first, second, ...more] = text.split("\n");
    expect(first).toMatch(reason);
    expect(second).toBe(`Usage: ${usage}`);
    expect(more).toEqual([]);
    expect(await state()).toBe(before);
  });

  it("refuses a person the platform did not resolve", async () => {
    const before = await state();
    const reply = await t.bot.handle({
      kind: "command",
      text: "assign S1-2 @ghost",
      actor: { platform: "console", userId: "admin", displayName: "admin" },
      conversation: { platform: "console", workspace: t.workspace, id: "C1", kind: "channel" },
      mentions: {},
      capabilities: PLAIN,
    });
    expect(replyText(reply)).toMatch(/^I don't know @ghost; mention them/);
    expect(await state()).toBe(before);
  });

  it("refuses, saying which role may do it", async () => {
    const text = t.text(await t.run("assign S1-2 @dana", "dana"));
    expect(text).toBe("`assign` needs a lead or an admin; your role is analyst.");
  });
});
