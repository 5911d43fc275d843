import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import type { Person } from "../../src/domain/person.js";
import { escalationRecipients, runReminders } from "../../src/reminders/job.js";
import { nextReminder, workingDaysAfter } from "../../src/reminders/rules.js";
import { isWorkingTime, nextWorkingTime } from "../../src/domain/working-time.js";
import { createTestBot, replyText, type TestBot } from "../support/test-bot.js";
import { testPlatforms } from "../support/platforms.js";

let t: TestBot;
afterEach(async () => {
  await t?.close();
  t = undefined as unknown as TestBot; // a test without a bot of its own must not close the last one again
});

interface Sent {
  to: string;
  at: string;
  notBefore: string;
  text: string;
  reply: Reply;
}

async function outbox(): Promise<Sent[]> {
  return (await t.storage.outbox.all())
    .filter((r) => r.key.startsWith("reminder:"))
    .map((r) => {
      expect(r.op).toBe("dm");
      const reply = r.reply as Reply;
      return { to: r.conversationId, at: r.createdAt, notBefore: r.nextAttemptAt, text: replyText(reply), reply };
    });
}

/** Runs the reminder job every 15 minutes from `fromIso` up to `toIso`, as the scheduler would. */
async function every15Minutes(fromIso: string, toIso: string): Promise<void> {
  for (t.clock.set(fromIso); t.clock.now() < new Date(toIso); t.clock.advance(15 * 60_000))
    await runReminders({ services: t.services, platforms: testPlatforms(t.services) }, t.clock.now());
}

/** dana (New York, 09–17) owns S1-2, due Friday 6 March 2026; lee (Tokyo) is the lead. */
async function team(): Promise<void> {
  t = await createTestBot({ now: "2026-03-02T15:00:00Z", workspace: "console" });
  await t.run("role @dana analyst");
  await t.run("role @lee lead");
  await t.run("me timezone America/New_York hours 09-17", "dana");
  await t.run("me timezone Asia/Tokyo", "lee");
  await t.run("assign S1-2 @dana due 2026-03-06");
}

describe("due-date reminders", () => {
  it("reminds 2 days before, on the day, then 3 times overdue 2 working days apart, then tells the lead, in working hours only", async () => {
    await team();
    await every15Minutes("2026-03-02T00:00:00Z", "2026-03-25T00:00:00Z");
    const sent = await outbox();
    expect(sent.map((s) => [s.to, s.at, s.text.split("\n")[0]])).toEqual([
      ["dana", "2026-03-04T14:00:00.000Z", "Reminder: S1-2 is due in 2 days"], // 09:00 EST
      ["dana", "2026-03-06T14:00:00.000Z", "Reminder: S1-2 is due today"],
      ["dana", "2026-03-09T13:00:00.000Z", "Reminder: S1-2 is 3 days overdue"], // Monday, 09:00 EDT after the clocks changed
      ["dana", "2026-03-11T13:00:00.000Z", "Reminder: S1-2 is 5 days overdue"],
      ["dana", "2026-03-13T13:00:00.000Z", "Reminder: S1-2 is 7 days overdue"],
      ["lee", "2026-03-17T13:00:00.000Z", "Escalation: S1-2 is 11 days overdue"],
    ]);
    expect(sent[2]?.text).toContain("Overdue reminder 1 of 3; after that the leads are told.");
    expect(sent[5]?.text).toContain("dana was reminded 3 times and the task is still open.");
    expect(sent[5]?.notBefore).toBe("2026-03-18T00:00:00.000Z"); // 22:00 in Tokyo: waits for lee's 09:00
    expect(sent.slice(0, 5).every((s) => s.notBefore === s.at)).toBe(true);
  });

  it("offers Done and Snooze; Done from the reminder ends the reminders", async () => {
    await team();
    await every15Minutes("2026-03-04T13:00:00Z", "2026-03-04T15:00:00Z");
    const [reminder] = await outbox();
    expect(reminder?.text).toContain("[Done] [Snooze a week]");
    const card = reminder?.reply.kind === "card" ? reminder.reply.card : undefined;
    const done = card?.blocks.flatMap((b) => (b.type === "actions" ? b.actions : [])).find((a) => a.label === "Done");
    expect(done).toMatchObject({ kind: "button", actionId: "task.done", value: "S1-2" });
    expect(t.text(await t.press("task.done", "S1-2", "dana"))).toContain("S1-2 done ✓");
    await every15Minutes("2026-03-04T15:00:00Z", "2026-03-20T00:00:00Z");
    expect(await outbox()).toHaveLength(1);
  });

  it("starts a new cycle when the task is snoozed to a new date", async () => {
    await team();
    await every15Minutes("2026-03-06T14:00:00Z", "2026-03-06T15:00:00Z");
    t.clock.set("2026-03-06T15:00:00Z");
    await t.press("task.snooze", "S1-2", "dana");
    expect((await t.services.tasks.get(t.workspace, "S1-2"))?.dueDate).toBe("2026-03-13");
    await every15Minutes("2026-03-06T15:00:00Z", "2026-03-14T00:00:00Z");
    expect((await outbox()).map((s) => s.text.split("\n")[0])).toEqual([
      "Reminder: S1-2 is due today",
      "Reminder: S1-2 is due in 2 days",
      "Reminder: S1-2 is due today",
    ]);
  });

  it("never reminds twice for the same step, however often the job runs", async () => {
    await team();
    for (let i = 0; i < 5; i++)
      await runReminders(
        { services: t.services, platforms: testPlatforms(t.services) },
        new Date("2026-03-04T15:00:00Z"),
      );
    expect(await outbox()).toHaveLength(1);
  });
});

describe("reminder rules", () => {
  it("picks the step from the owner's local date and what was sent", () => {
    expect(nextReminder("2026-03-03", "2026-03-06", [])).toBeUndefined();
    expect(nextReminder("2026-03-05", "2026-03-06", [])).toEqual({ kind: "before", seq: 1 });
    expect(nextReminder("2026-03-06", "2026-03-06", [{ kind: "before", localDate: "2026-03-04" }])).toEqual({
      kind: "due",
      seq: 1,
    });
    const overdue = (...dates: string[]) => dates.map((localDate) => ({ kind: "overdue" as const, localDate }));
    expect(nextReminder("2026-03-10", "2026-03-06", overdue("2026-03-09"))).toBeUndefined();
    expect(nextReminder("2026-03-11", "2026-03-06", overdue("2026-03-09"))).toEqual({ kind: "overdue", seq: 2 });
    expect(nextReminder("2026-03-17", "2026-03-06", overdue("2026-03-09", "2026-03-11", "2026-03-13"))).toEqual({
      kind: "escalation",
      seq: 1,
    });
    expect(
      nextReminder("2026-04-17", "2026-03-06", [
        ...overdue("2026-03-09", "2026-03-11", "2026-03-13"),
        { kind: "escalation", localDate: "2026-03-17" },
      ]),
    ).toBeUndefined();
    expect(workingDaysAfter("2026-03-13", "2026-03-16")).toBe(1);
  });

  it("tells the leads, or the admins when there is no lead, never the owner", () => {
    const person = (id: number, role: Person["role"]): Person => ({
      id,
      role,
      workspace: "w",
      platformUserId: `u${id}`,
      displayName: `p${id}`,
      email: null,
      timezone: "UTC",
      workStartHour: 9,
      workEndHour: 18,
      trainingOptOut: false,
      notify: "all",
      dateFormat: null,
    });
    expect(
      escalationRecipients([person(1, "lead"), person(2, "lead"), person(3, "admin")], 1).map((p) => p.id),
    ).toEqual([2]);
    expect(escalationRecipients([person(1, "analyst"), person(3, "admin")], 1).map((p) => p.id)).toEqual([3]);
  });

  it("knows working time in the person's own timezone", () => {
    const dana = { timezone: "America/New_York", workStartHour: 9, workEndHour: 17 };
    expect(isWorkingTime(dana, new Date("2026-03-04T13:59:00Z"))).toBe(false);
    expect(isWorkingTime(dana, new Date("2026-03-04T14:00:00Z"))).toBe(true);
    expect(isWorkingTime(dana, new Date("2026-03-04T22:00:00Z"))).toBe(false);
    expect(nextWorkingTime(dana, new Date("2026-03-06T23:00:00Z")).toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });
});
