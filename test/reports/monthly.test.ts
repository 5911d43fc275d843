import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { firstWorkingDay, runMonthlyReports } from "../../src/reports/monthly.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("stakeholder sponsor @cleo");
  await t.run("stakeholder program-lead @pat @cleo");
});
afterEach(() => t.close());

describe("monthly report", () => {
  it("finds the first working day of a month", () => {
    const day = (iso: string) => firstWorkingDay(DateTime.fromISO(iso, { zone: "UTC" })).toISODate();
    expect([day("2026-11-20"), day("2026-12-15"), day("2027-05-31")]).toEqual([
      "2026-11-02",
      "2026-12-01",
      "2027-05-03",
    ]);
  });

  it("sends the slides on the first working day from 09:00 to the channel and each named stakeholder, once", async () => {
    const said = t.text(await t.run("subscribe report monthly Europe/Berlin"));
    expect(said).toContain("Named stakeholders get it as a direct message too");
    expect(t.text(await t.run("subscriptions"))).toContain(
      "Monthly report (slides) on the first working day of each month, 09:00 Europe/Berlin",
    );
    expect(await runMonthlyReports(t.services, new Date("2026-11-30T10:00:00Z"))).toBe(0);
    expect(await runMonthlyReports(t.services, new Date("2026-12-01T07:30:00Z"))).toBe(0);
    expect(await runMonthlyReports(t.services, new Date("2026-12-01T08:05:00Z"))).toBe(1);
    const rows = (await t.storage.outbox.all()).filter((r) => r.status === "pending");
    expect(rows.map((r) => [r.op, r.conversationId]).sort()).toEqual([
      ["dm", "cleo"],
      ["dm", "pat"],
      ["post", "C1"],
    ]);
    const reply = rows[0]?.reply as Reply | undefined;
    expect(reply?.kind !== "form" && reply?.file?.name).toBe("secops-adoption-2026-12.pptx");
    expect(reply?.kind === "text" && reply.spans.join("")).toContain(
      "Monthly adoption report, 2026-12: stages 1–4 0/28 tasks done.",
    );
    expect(await runMonthlyReports(t.services, new Date("2026-12-02T08:05:00Z"))).toBe(0);
    expect((await t.storage.outbox.all()).filter((r) => r.status === "pending")).toHaveLength(3);
  });
});
