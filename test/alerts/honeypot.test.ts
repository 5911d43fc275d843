import { describe, expect, it } from "vitest";
import { renderReply as renderTeams } from "../../adapters/teams/render.js";
import { replyToConsole } from "../../adapters/console/render.js";
import type { Span } from "../../src/core/reply.js";
import { deviceEvidence, graphAlert, graphIncident, ipEvidence, userEvidence } from "../fakes/graph-data.js";
import { outboxRows, scriptedBotPerTest } from "./harness.js";

const setup = scriptedBotPerTest();

function mentions(spans: Span[]): { platformUserId: string; name: string }[] {
  return spans.flatMap((s) => (typeof s === "object" && "mention" in s ? [s.mention] : []));
}

describe("honeypot and business-critical assets", () => {
  it("marks the card and pings this workspace's leads, once, when evidence touches a honeypot", async () => {
    const { t, source, sync } = await setup();
    await t.run("role @dana lead");
    await t.run("role @lee lead");
    await t.run("role @sam analyst");
    expect(t.text(await t.run("asset honeypot hp-fs-01"))).toContain("device hp-fs-01 is now a honeypot");
    await t.run("subscribe incidents");
    const evidence = [deviceEvidence("HP-FS-01.contoso.local"), userEvidence("<@U999|boss>@contoso.com")];
    source.put(
      graphIncident("41", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", {}, [
        graphAlert("h1", "2026-11-28T09:00:00Z", { evidence }),
      ]),
    );
    await sync();

    const rows = await outboxRows(t);
    const root = rows.find((r) => r.op === "post");
    expect(root?.text).toContain("⚠ Honeypot touched: device hp-fs-01");
    const ping = rows.find((r) => r.op === "reply");
    expect(ping?.rootKey).toBe(root?.key);
    expect(ping?.text).toMatch(/^⚠ Honeypot touched: device hp-fs-01 \(seen as HP-FS-01\.contoso\.local\)/);
    const leads = (await t.services.people.all(t.workspace)).filter((p) => p.role === "lead");
    expect(ping?.reply.kind === "text" && mentions(ping.reply.spans)).toEqual(
      leads.map((p) => ({ platformUserId: p.platformUserId, name: p.displayName })),
    );
    expect(leads.map((p) => p.displayName).sort()).toEqual(["dana", "lee"]);

    source.put(
      graphIncident("41", "2026-11-28T09:00:00Z", "2026-11-28T09:20:00Z", { severity: "high" }, [
        graphAlert("h1", "2026-11-28T09:00:00Z", { evidence }),
      ]),
    );
    t.clock.set("2026-11-28T10:30:00Z");
    await sync();
    expect((await outboxRows(t)).filter((r) => r.text.includes("Honeypot touched:") && r.op === "reply")).toHaveLength(
      1,
    );
  });

  it("flags business-critical assets without pinging, and explains when no lead is set", async () => {
    const { t, source, sync } = await setup();
    await t.run("asset critical 10.0.0.5");
    await t.run("asset honeypot decoy@contoso.com");
    await t.run("subscribe incidents");
    source.put(
      graphIncident("42", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", {}, [
        graphAlert("c1", "2026-11-28T09:00:00Z", {
          evidence: [ipEvidence("10.0.0.5"), userEvidence("Decoy@Contoso.com")],
        }),
      ]),
    );
    await sync();
    const replies = (await outboxRows(t)).filter((r) => r.op === "reply");
    expect(replies.map((r) => r.text)).toEqual([
      expect.stringMatching(
        /^⚠ Honeypot touched: account decoy@contoso\.com\. .*No lead is set in this workspace.*role @name lead/,
      ),
      "Business-critical asset involved: ip 10.0.0.5.",
    ]);
    expect(replies.every((r) => r.reply.kind === "text" && mentions(r.reply.spans).length === 0)).toBe(true);
  });

  it("raises a honeypot touch that arrives only through an updated alert (alerts_v2)", async () => {
    const { t, source, sync } = await setup();
    await t.run("role @dana lead");
    await t.run("asset honeypot srv-decoy");
    source.put(
      graphIncident("43", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", {}, [
        graphAlert("d1", "2026-11-28T09:00:00Z"),
      ]),
    );
    await sync();
    await t.run("subscribe incidents");
    source.alerts.push({
      ...graphAlert("d1", "2026-11-28T09:00:00Z", { evidence: [deviceEvidence("srv-decoy")] }),
      incidentId: "43",
      lastUpdateDateTime: "2026-11-28T09:40:00.0000000Z",
    });
    t.clock.set("2026-11-28T10:10:00Z");
    await sync();
    const ping = (await outboxRows(t)).find((r) => r.op === "reply");
    expect(ping?.text).toContain("⚠ Honeypot touched: device srv-decoy");
    expect(ping?.reply.kind === "text" && mentions(ping.reply.spans).map((m) => m.name)).toEqual(["dana"]);
    expect((await outboxRows(t)).find((r) => r.op === "update")?.text).toContain(
      "⚠ Honeypot touched: device srv-decoy",
    );
  });

  it("lets leads manage the list and analysts read it; bad names are refused", async () => {
    const { t } = await setup();
    await t.run("role @sam analyst");
    expect(t.text(await t.run("asset honeypot hp-01", "sam"))).toMatch(/needs a lead or an admin/);
    expect(t.text(await t.run('asset honeypot "two words"'))).toMatch(/no spaces[\s\S]*Usage: asset/);
    expect(t.text(await t.run("asset honeypot <!channel>"))).toMatch(/no spaces, control characters or <>/);
    expect(t.text(await t.run("asset remove nothing-here"))).toMatch(/not a watched asset/);
    await t.run("asset honeypot hp-01");
    await t.run("asset critical /subscriptions/abc/resourceGroups/prod");
    expect(t.text(await t.run("asset critical hp-01"))).toContain("(was honeypot)");
    const list = t.text(await t.run("assets", "sam"));
    expect(list).toContain("/subscriptions/abc/resourceGroups/prod | cloud");
    expect(list).toContain("hp-01 | device");
    expect(t.text(await t.run("asset remove HP-01"))).toContain("Stopped watching device hp-01 (was critical)");
    expect((await t.services.audit.history(t.workspace, "asset", "hp-01")).map((a) => a.action)).toEqual([
      "watch",
      "watch",
      "unwatch",
    ]);
  });

  it("renders the ping as a real mention on Teams and as @name in the console, from the people table only", async () => {
    const { t, source, sync } = await setup();
    await t.run("role @dana lead");
    await t.run("asset honeypot hp-9");
    await t.run("subscribe incidents");
    const evidence = [deviceEvidence("hp-9"), userEvidence("<at>Everyone</at>@contoso.com")];
    source.put(
      graphIncident("44", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", { displayName: "<at>Everyone</at> hp-9" }, [
        graphAlert("m1", "2026-11-28T09:00:00Z", { evidence }),
      ]),
    );
    await sync();
    const ping = (await outboxRows(t)).find((r) => r.op === "reply");
    if (!ping) throw new Error("no ping");
    const teams = JSON.stringify(renderTeams(ping.reply));
    const entities = [...teams.matchAll(/"mentioned":\{"id":"([^"]+)"/g)].map((m) => m[1]);
    expect(entities).toEqual(["dana"]);
    expect(teams).toContain("<at>dana</at>");
    expect(replyToConsole(ping.reply).text).toMatch(/@dana: please look now\.$/);
    const root = (await outboxRows(t)).find((r) => r.op === "post");
    expect(JSON.stringify(renderTeams(root?.reply ?? ping.reply))).not.toContain("mentioned");
  });
});
