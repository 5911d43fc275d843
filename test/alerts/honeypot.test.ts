import { describe, expect, it } from "vitest";
import { renderReply as renderTeams } from "../../adapters/teams/render.js";
import { replyToConsole } from "../../adapters/console/render.js";
import type { Span } from "../../src/core/reply.js";
import { deviceEvidence, graphAlert, graphIncident, ipEvidence, userEvidence } from "../fakes/graph-data.js";
import { composeDigest } from "../../src/digest/compose.js";
import { replyText } from "../support/test-bot.js";
import { outboxRows, scriptedBotPerTest } from "./harness.js";

const setup = scriptedBotPerTest();

function mentions(spans: Span[]): { platformUserId: string; name: string }[] {
  return spans.flatMap((s) => (typeof s === "object" && "mention" in s ? [s.mention] : []));
}

const touch = (id: string, at: string, device: string) =>
  graphIncident(id, at, at, {}, [graphAlert(`${id}-a`, at, { evidence: [deviceEvidence(device)] })]);

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
    const onDuty = (await t.services.people.all(t.workspace)).filter((p) => p.role === "lead" || p.role === "admin");
    expect(ping?.reply.kind === "text" && mentions(ping.reply.spans)).toEqual(
      onDuty.map((p) => ({ platformUserId: p.platformUserId, name: p.displayName })),
    );
    expect(onDuty.map((p) => p.displayName).sort()).toEqual(["admin", "dana", "lee"]);
    const dms = rows.filter((r) => r.op === "dm");
    expect(dms.map((r) => r.conversationId).sort()).toEqual(["admin", "dana", "lee"]);
    expect(dms[0]?.text).toMatch(
      /^⚠ Honeypot touched: device hp-fs-01 \(seen as HP-FS-01\.contoso\.local\), in incident 41 · /,
    );

    source.put(
      graphIncident("41", "2026-11-28T09:00:00Z", "2026-11-28T09:20:00Z", { severity: "high" }, [
        graphAlert("h1", "2026-11-28T09:00:00Z", { evidence }),
      ]),
    );
    t.clock.set("2026-11-28T10:30:00Z");
    await sync();
    const later = await outboxRows(t);
    expect(later.filter((r) => r.text.includes("Honeypot touched:") && r.op === "reply")).toHaveLength(1);
    expect(later.filter((r) => r.op === "dm")).toHaveLength(3);
  });

  it("flags business-critical assets without pinging anyone about them", async () => {
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
      "⚠ Honeypot touched: account decoy@contoso.com. Nobody should use it, so this is likely an attacker. @admin: please look now.",
      "Business-critical asset involved: ip 10.0.0.5.",
    ]);
    expect(replies[1]?.reply.kind === "text" && mentions(replies[1].reply.spans)).toEqual([]);
    expect((await outboxRows(t)).filter((r) => r.op === "dm").map((r) => r.text)).toEqual([
      expect.stringContaining("account decoy@contoso.com, in incident 42"),
    ]);
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
    expect(ping?.reply.kind === "text" && mentions(ping.reply.spans).map((m) => m.name)).toEqual(["admin", "dana"]);
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
    expect(entities).toEqual(["admin", "dana"]);
    expect(teams).toContain("<at>dana</at>");
    expect(replyToConsole(ping.reply).text).toMatch(/@admin, @dana: please look now\.$/);
    const root = (await outboxRows(t)).find((r) => r.op === "post");
    expect(JSON.stringify(renderTeams(root?.reply ?? ping.reply))).not.toContain("mentioned");
  });

  it("pings the people oncall names instead of the leads and admins, until oncall clear", async () => {
    const { t, source, sync } = await setup();
    await t.run("role @dana lead");
    await t.run("role @sam analyst");
    await t.run("role @eli analyst");
    await t.run("asset honeypot hp-7");
    await t.run("subscribe incidents");
    expect(t.text(await t.run("oncall", "sam"))).toBe(
      "On call: nobody named, so a honeypot touch pings the leads and admins: admin, dana. Name who is with oncall @person….",
    );
    expect(t.text(await t.run("oncall @eli", "sam"))).toMatch(
      /^Naming who is on call needs a lead or an admin; your role is analyst/,
    );
    expect(t.text(await t.run("oncall @sam @eli @sam", "dana"))).toBe(
      "On call: eli, sam. A honeypot touch pings them from now on.",
    );
    expect(t.text(await t.run("oncall", "eli"))).toBe("On call: eli, sam. A honeypot touch pings them.");

    source.put(touch("51", "2026-11-28T09:00:00Z", "hp-7"));
    await sync();
    const rows = await outboxRows(t);
    const ping = rows.find((r) => r.op === "reply");
    expect(ping?.reply.kind === "text" && mentions(ping.reply.spans).map((m) => m.name)).toEqual(["eli", "sam"]);
    expect(rows.filter((r) => r.op === "dm").map((r) => r.conversationId)).toEqual(["eli", "sam"]);

    expect(t.text(await t.run("oncall clear", "dana"))).toMatch(/cleared; a honeypot touch pings the leads and admins/);
    source.put(touch("52", "2026-11-28T09:30:00Z", "hp-7"));
    t.clock.set("2026-11-28T10:30:00Z");
    await sync();
    const dms = (await outboxRows(t)).filter((r) => r.op === "dm" && r.text.includes("incident 52"));
    expect(dms.map((r) => r.conversationId).sort()).toEqual(["admin", "dana"]);
    expect((await t.services.audit.history(t.workspace, "oncall", t.workspace)).map((a) => a.newValue)).toEqual([
      "eli, sam",
      null,
    ]);
  });

  it("says so in the thread when nobody is on duty, and the digest counts those touches", async () => {
    const { t, source, sync } = await setup();
    // A Slack workspace that watches a honeypot but has no lead, admin or on-call person any more.
    const workspace = "slack:T0EMPTY";
    await t.services.assets.put(
      workspace,
      { type: "device", value: "hp-x", label: "hp-x", mark: "honeypot" },
      null,
      t.clock.now(),
    );
    const sub = { workspace, platform: "slack" as const, conversationId: "C0SOC", createdBy: null };
    await t.services.subscriptions.put({ ...sub, kind: "incidents", settings: {} }, t.clock.now());
    await t.services.people.upsert(
      workspace,
      { platform: "slack", userId: "U0ANALYST", displayName: "ana" },
      "analyst",
    );

    source.put(touch("61", "2026-11-28T09:00:00Z", "hp-x"));
    source.put(touch("62", "2026-11-28T09:05:00Z", "hp-x"));
    await sync();
    const replies = (await outboxRows(t)).filter((r) => r.op === "reply" && r.conversationId === "C0SOC");
    expect(replies.map((r) => r.text)).toEqual([
      "⚠ Honeypot touched: device hp-x. Nobody should use it, so this is likely an attacker. Nobody is on call and this workspace has no lead or admin to ping; name who is with oncall @person.",
      expect.stringContaining("Nobody is on call"),
    ]);
    expect((await outboxRows(t)).filter((r) => r.op === "dm")).toEqual([]);

    const { card } = await composeDigest(t.services, {
      target: { ...sub, conversationId: "C0DIGEST" },
      timezone: "UTC",
      week: "2026-W48",
      now: new Date("2026-11-30T08:00:00Z"),
      images: true,
    });
    expect(replyText({ kind: "card", card, visibility: "conversation" })).toContain(
      "Honeypot touches: 2 (2 with nobody to ping)",
    );
    const elsewhere = await t.services.alertStats.weekStats(
      t.workspace,
      new Date("2026-11-23"),
      new Date("2026-11-30"),
    );
    expect(elsewhere?.honeypotUnanswered).toBeUndefined();
  });
});
