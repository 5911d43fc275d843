/** The digest's numbers: the week its header names, incidents that arrive already resolved, started work with no owner. */
import { testPlatforms } from "../support/platforms.js";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { digestKey, runDigestCatchUp } from "../../src/digest/deliver.js";
import { graphAlert, graphIncident } from "../fakes/graph-data.js";
import { scriptedBot } from "../alerts/harness.js";
import { createTestBot, replyText, type TestBot } from "../support/test-bot.js";

let t: TestBot | undefined;
afterEach(() => t?.close());

/** Runs the digest job at `iso`; returns the text of the digest enqueued for delivery week `week`. */
async function digestAt(bot: TestBot, iso: string, week: string): Promise<string> {
  bot.clock.set(iso);
  await runDigestCatchUp({ services: bot.services, platforms: testPlatforms(bot.services) }, bot.clock.now());
  const row = await bot.services.outbox.byKey(digestKey(bot.workspace, "console", "C1", week));
  expect(row, `digest for ${week}`).toBeDefined();
  return replyText(row?.reply as Reply);
}

/** The header's ISO week and the subtitle's dates, and how many of the covered days fall in that week. */
function headerAndRange(text: string): { week: string; from: string; to: string; daysInWeek: number } {
  const week = /Weekly digest · (\d{4}-W\d{2})/.exec(text)?.[1] ?? "";
  const [, from = "", to = ""] = /(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(text) ?? [];
  const start = DateTime.fromISO(from);
  let daysInWeek = 0;
  for (let d = start; d < DateTime.fromISO(to); d = d.plus({ days: 1 }))
    if (d.toFormat("kkkk-'W'WW") === week) daysInWeek++;
  return { week, from, to, daysInWeek };
}

describe("digest numbers", () => {
  it("names the week its dates cover, for a Monday and a Friday digest", async () => {
    t = await createTestBot({ now: "2026-03-11T10:00:00Z" });
    await t.run("me timezone Europe/Berlin");
    await t.run("subscribe digest");
    const monday = headerAndRange(await digestAt(t, "2026-03-23T08:00:00Z", "2026-W13"));
    expect(monday).toEqual({ week: "2026-W12", from: "2026-03-16", to: "2026-03-23", daysInWeek: 7 });

    await t.run("subscribe digest weekly friday 17:00 Europe/Berlin");
    const friday = headerAndRange(await digestAt(t, "2026-04-03T15:00:00Z", "2026-W14"));
    expect(friday.week).toBe("2026-W14");
    expect([friday.from, friday.to]).toEqual(["2026-03-27", "2026-04-03"]);
    expect(friday.daysInWeek).toBeGreaterThanOrEqual(4);
  });

  it("counts an incident that arrives already resolved as new and resolved that week", async () => {
    const b = await scriptedBot("2026-03-20T10:00:00Z");
    t = b.t;
    await b.sync();
    b.source.put(
      graphIncident("90", "2026-03-18T09:00:00Z", "2026-03-19T12:00:00Z", { status: "resolved" }, [
        graphAlert("r1", "2026-03-18T09:00:00Z", { status: "resolved", lastUpdateDateTime: "2026-03-19T12:00:00Z" }),
      ]),
    );
    b.source.put(graphIncident("91", "2026-03-18T10:00:00Z", "2026-03-18T10:00:00Z"));
    t.clock.set("2026-03-20T10:05:00Z");
    await b.sync();
    const stats = await t.services.alertStats.weekStats(
      t.workspace,
      new Date("2026-03-16T08:00:00Z"),
      new Date("2026-03-23T08:00:00Z"),
    );
    expect(stats).toMatchObject({ newIncidents: 2, resolvedIncidents: 1, meanMinutesToResolve: 27 * 60 });
    expect(stats?.openBySeverity).toEqual({ medium: 1 });

    await t.run("subscribe digest weekly monday 09:00 UTC");
    expect(await digestAt(t, "2026-03-23T09:00:00Z", "2026-W13")).toContain("Incidents: 2 new, 1 resolved");
    const next = await digestAt(t, "2026-03-30T09:00:00Z", "2026-W14");
    expect(next).toContain("Incidents: 0 new, 0 resolved");
  });

  it("lists a started task with no owner under No owner, and not once it has one", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.run("role @dana analyst");
    for (const area of t.services.plan.areas) await t.run(`assign ${area.id} @dana`);
    expect(t.text(await t.run("digest preview"))).toContain("No owner (0)\nEvery open task has an owner.");
    await t.run("start S2-3");
    await t.run("unassign S2-3");
    const task = await t.services.tasks.get(t.workspace, "S2-3");
    expect([task?.status, task?.ownerId]).toEqual(["in_progress", null]);
    expect(t.text(await t.run("digest preview"))).toMatch(/No owner \(1\)\nS2-3 {2}[^\n]+\n/);
    await t.run("assign S2-3 @dana");
    expect(t.text(await t.run("digest preview"))).toContain("No owner (0)");
  });
});
