import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import type { AlertWeekStats } from "../../src/domain/alert-stats.js";
import { digestKey, runDigestCatchUp, type DigestDeps } from "../../src/digest/deliver.js";
import { createTestBot, replyText, type TestBot } from "../support/test-bot.js";
import { testPlatforms } from "../support/platforms.js";

let t: TestBot;
afterEach(() => t.close());

const deps = (): DigestDeps => ({ services: t.services, platforms: testPlatforms(t.services) });

/** Runs the digest job at `iso` and returns the enqueued digest's text for `week`. */
async function digestAt(iso: string, week: string): Promise<string> {
  t.clock.set(iso);
  await runDigestCatchUp(deps(), t.clock.now());
  const row = await t.services.outbox.byKey(digestKey(t.workspace, "console", "C1", week));
  expect(row, `digest for ${week}`).toBeDefined();
  return replyText(row?.reply as Reply);
}

/** A team with a Monday 09:00 Berlin digest, subscribed on Wednesday 11 March 2026. */
async function team(): Promise<void> {
  t = await createTestBot({ now: "2026-03-11T10:00:00Z" });
  await t.run("me timezone Europe/Berlin");
  await t.run("role @dana analyst");
  await t.run("role @lee analyst");
  await t.run("subscribe digest");
}

describe("weekly digest content", () => {
  it("shows progress and its change, who completed what, overdue, due soon and unowned tasks", async () => {
    await team();
    expect(await digestAt("2026-03-16T08:00:00Z", "2026-W12")).toContain("S1 Stage 1 0/8 first digest");
    t.clock.set("2026-03-16T10:00:00Z");
    await t.run("assign S1-1 @dana due 2026-03-20");
    await t.run("assign S1-2 @lee due 2026-03-18");
    await t.run("assign S2-1 @dana due 2026-03-26");
    t.clock.set("2026-03-17T10:00:00Z");
    await t.run("done S1-1", "dana");
    t.clock.set("2026-03-18T10:00:00Z");
    await t.run("done INV-1");

    const text = await digestAt("2026-03-23T08:00:00Z", "2026-W13");
    expect(text).toContain("Weekly digest · 2026-W12\n2026-03-16 to 2026-03-23 (Europe/Berlin)");
    expect(text).toContain("INV Understand your organization 1/4 +1 done, 0% → 25% since last week");
    expect(text).toContain("S1 Stage 1 1/8 +1 done, 0% → 13% since last week");
    expect(text).toContain("S2 Stage 2 0/8 no change since last week");
    expect(text).toContain("Completed this week (2)");
    expect(text).toContain("S1-1  Turn on Microsoft Defender for Endpoint | by dana");
    expect(text).toMatch(/INV-1 {2}Inventory XDR tools[^\n]*\| by admin/);
    expect(text).toContain("Overdue (1)");
    expect(text).toMatch(/S1-2 {2}Turn on Microsoft Defender for Office 365 \| lee · 5 days late/);
    expect(text).toMatch(/Due in the next 7 days \(1\)\nS2-1 [^\n]*\| dana · due 2026-03-26/);
    expect(text).toContain("No owner (38)");
    expect(text).toContain("…and 28 more");
    expect(text).not.toContain("No change this week");
  });

  it("ends with one line of the team's skill coverage for the started stages", async () => {
    await team();
    t.clock.set("2026-03-16T10:00:00Z");
    await t.run("start S3-2");
    await t.run("skills require analyst hunting 3");
    await t.run("skills set hunting 1", "dana");
    const text = await digestAt("2026-03-23T08:00:00Z", "2026-W13");
    expect(text).toContain(
      "Skills: 2 of 3 people are below their role's skill needs; nobody covers IoT and OT, SIEM (Microsoft Sentinel), Threat hunting (Stage 3).",
    );
  });

  it("says there was no change rather than staying silent", async () => {
    await team();
    await digestAt("2026-03-16T08:00:00Z", "2026-W12");
    const text = await digestAt("2026-03-23T08:00:00Z", "2026-W13");
    expect(text).toContain("No change this week: no task was completed and no stage moved.");
    expect(text).toContain("S3 Stage 3 0/6 no change since last week");
    expect(text).toContain("Completed this week (0)\nNone this week.");
  });

  it("does not credit a completion that was reopened", async () => {
    await team();
    await t.run("done S4-1");
    await t.run("reopen S4-1");
    const text = await digestAt("2026-03-16T08:00:00Z", "2026-W12");
    expect(text).toContain("Completed this week (0)");
  });

  it("adds the week's alerts and incidents when incident data exists", async () => {
    await team();
    const stats: AlertWeekStats = {
      newIncidents: 4,
      resolvedIncidents: 3,
      newAlerts: 17,
      resolvedAlerts: 12,
      openBySeverity: { high: 1, medium: 2, low: 0 },
      meanMinutesToAcknowledge: 42,
      meanMinutesToResolve: 200,
      honeypotTouches: 2,
    };
    t.services.alertStats = { weekStats: async (workspace) => (workspace === t.workspace ? stats : undefined) };
    const text = await digestAt("2026-03-16T08:00:00Z", "2026-W12");
    expect(text).toContain("Alerts and incidents this week");
    expect(text).toContain("Incidents: 4 new, 3 resolved");
    expect(text).toContain("Alerts: 17 new, 12 resolved");
    expect(text).toContain("Open by severity: high 1, medium 2");
    expect(text).toContain("Mean time to acknowledge: 42 min");
    expect(text).toContain("Mean time to resolve: 3 h 20 min");
    expect(text).toContain("Honeypot touches: 2");
  });

  it("leaves the alerts section out when there is no incident data", async () => {
    await team();
    expect(await digestAt("2026-03-16T08:00:00Z", "2026-W12")).not.toContain("Alerts and incidents");
  });
});
