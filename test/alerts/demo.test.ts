import { afterEach, describe, expect, it } from "vitest";
import { syncIncidents } from "../../src/alerts/sync.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { outboxRows } from "./harness.js";

let t: TestBot;
afterEach(() => t.close());

const sync = () => syncIncidents(t.services, t.clock.now());

describe("the demo incident source (no Azure credentials)", () => {
  it("plays the whole flow: backfill, subscribe, new and changed incidents, a honeypot touch, write-back", async () => {
    t = await createTestBot();
    await t.run("role @dana lead");
    await t.run("asset honeypot hp-fileshare-01");
    await t.run("asset critical srv-sql-01");
    await sync();
    const subscribed = t.text(await t.run("subscribe incidents"));
    expect(subscribed).toContain("Posting 4 open incidents as threads here");
    expect(subscribed).toContain("Demo data (no Azure credentials)");

    t.clock.advance(6 * 60_000);
    await sync();
    const rows = await outboxRows(t);
    const roots = rows.filter((r) => r.op === "post").map((r) => r.key.split(":")[2]);
    expect(roots).toEqual(["41001", "41005", "41002", "41007", "41003", "41006"]);
    const replies = rows.filter((r) => r.op === "reply").map((r) => `${r.key.split(":")[2]} ${r.text}`);
    expect(replies).toEqual(
      expect.arrayContaining([
        "41001 New alert: Connection to a known command-and-control server (high, Defender for Endpoint)",
        "41001 Status: active → in progress",
        "41001 Assigned to alex.wilber@contoso.com",
        "41002 Severity raised: medium → high",
        "41005 Status: active → resolved",
        expect.stringMatching(
          /^41003 ⚠ Honeypot touched: device hp-fileshare-01 \(seen as hp-fileshare-01\.contoso\.local\).* @dana: please look now\.$/,
        ),
        expect.stringMatching(/^41006 Business-critical asset involved: device srv-sql-01/),
      ]),
    );

    const before = (await outboxRows(t)).length;
    expect(
      t.text(
        await t.press("incident.resolved", "41002", "dana", {
          classification: "tp",
          determination: "compromisedAccount",
        }),
      ),
    ).toBe("Incident 41002: resolved as true positive, compromised account.");
    t.clock.advance(2 * 60_000);
    await sync();
    const added = (await outboxRows(t)).slice(before).map((r) => `${r.op} ${r.text.split("\n")[0]}`);
    expect(added).toEqual(
      [
        "update 41002",
        "reply Status: active → resolved (by dana)",
        "reply Classified: true positive (compromised account) (by dana)",
      ].map((s) => (s.startsWith("update") ? expect.stringMatching(/^update Suspicious sign-in/) : s)),
    );
  });

  it("summarises alerts and shows one incident on demand", async () => {
    t = await createTestBot();
    await sync();
    await t.run("role @sam analyst");
    const summary = t.text(await t.run("alerts 7d severity high", "sam"));
    expect(summary).toContain("Alerts in the last 7 days, severity high+");
    expect(summary).toContain("By severity: high 1");
    expect(summary).toContain(
      "41001 Multi-stage incident involving Initial access & Execution on one endpoint | high · active · unassigned · 2 alerts",
    );
    expect(summary).toMatch(/Last synced 2026-11-28 10:00 UTC · demo data/);
    expect(t.text(await t.run("alerts", "sam"))).toContain("Alerts in the last 24 hours");
    expect(t.text(await t.run("alerts 2w", "sam"))).toMatch(/neither a window[\s\S]*Usage: alerts/);
    expect(t.text(await t.run("alerts", "nobody"))).toMatch(/needs an analyst/);

    const card = t.text(await t.run("incident 41001", "sam"));
    expect(card).toContain("Alerts: 2 from Defender for Office 365, Defender for Endpoint");
    expect(card).toContain("[Assign to me] [In progress] [Resolve] [Open in Defender]");
    expect(t.text(await t.run("incident 4242", "sam"))).toMatch(
      /^No incident 4242 has been synced \(yet\)\.\nUsage: incident <id>/,
    );
  });
});
