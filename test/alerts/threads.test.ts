import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsoleMessenger } from "../../adapters/console/index.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { graphAlert, graphIncident, userEvidence } from "../fakes/graph-data.js";
import { outboxRows, scriptedBotPerTest } from "./harness.js";

const setup = scriptedBotPerTest();

describe("incident threads", () => {
  it("posts the 20 most severe open matching incidents on subscribe, then one line counting the rest", async () => {
    const { t, source, sync } = await setup();
    for (let i = 0; i < 30; i++) {
      const at = `2026-11-27T${String(i % 24).padStart(2, "0")}:00:00Z`;
      source.put(
        graphIncident(`${500 + i}`, at, at, {
          severity: i < 3 ? "high" : i < 27 ? "medium" : "low",
          status: i === 5 ? "resolved" : "active",
        }),
      );
    }
    await sync();
    expect(await outboxRows(t)).toEqual([]);

    const reply = await t.run("subscribe incidents severity >= medium");
    expect(t.text(reply)).toContain("Posting 20 open incidents as threads here and counting 6 more");
    const rows = await outboxRows(t);
    expect(rows.filter((r) => r.op === "post" && r.key.endsWith(":root"))).toHaveLength(20);
    expect(rows.slice(0, 3).map((r) => r.reply.kind === "card" && r.reply.card.severity)).toEqual([
      "high",
      "high",
      "high",
    ]);
    expect(rows.some((r) => r.text.includes("Incident 505"))).toBe(false);
    expect(rows.some((r) => r.text.includes("Incident 529"))).toBe(false);
    expect(rows.at(-1)?.text).toMatch(/^…and 6 more open incidents match/);
    expect(t.text(await t.run("subscriptions"))).toContain("Incident threads: severity medium or higher");
  });

  it("edits the root in place and replies in its thread for each meaningful change, once", async () => {
    const { t, source, sync } = await setup();
    source.put(
      graphIncident("700", "2026-11-28T08:00:00Z", "2026-11-28T08:00:00Z", {}, [
        graphAlert("a1", "2026-11-28T08:00:00Z"),
      ]),
    );
    await sync();
    await t.run("subscribe incidents");
    const root = (await outboxRows(t)).find((r) => r.op === "post");
    expect(root?.key).toBe("incident:tenant-1:700:test:console:C1:root");

    source.put(
      graphIncident(
        "700",
        "2026-11-28T08:00:00Z",
        "2026-11-28T09:00:00Z",
        { severity: "HIGH", status: "InProgress", assignedTo: "kai@contoso.com" },
        [
          graphAlert("a1", "2026-11-28T08:00:00Z"),
          graphAlert("a2", "2026-11-28T09:00:00Z", {
            title: "Credential dumping",
            severity: "high",
            evidence: [userEvidence("kai@contoso.com")],
          }),
        ],
      ),
    );
    t.clock.set("2026-11-28T09:05:00Z");
    await sync();
    const after = (await outboxRows(t)).slice(1);
    expect(after.map((r) => [r.op, r.rootKey])).toEqual(
      after.map(() => [expect.stringMatching(/update|reply/), root?.key]),
    );
    const update = after.find((r) => r.op === "update");
    expect(update?.text).toContain("Severity: high");
    expect(update?.text).toContain("Status: in progress");
    expect(update?.text).toContain("Alerts: 2 from Defender for Endpoint");
    expect(after.filter((r) => r.op === "reply").map((r) => r.text)).toEqual([
      "Severity raised: medium → high",
      "Status: active → in progress",
      "Assigned to kai@contoso.com",
      "New alert: Credential dumping (high, Defender for Endpoint)",
    ]);

    const count = (await outboxRows(t)).length;
    await sync();
    t.clock.set("2026-11-28T09:30:00Z");
    await sync();
    expect(await outboxRows(t)).toHaveLength(count);
    expect((await t.services.incidents.history("tenant-1", "700")).map((c) => c.field)).toEqual([
      "created",
      "severity",
      "status",
      "assignedTo",
      "alert",
    ]);
  });

  it("starts threads for new matching incidents only, and stops after unsubscribe", async () => {
    const { t, source, sync } = await setup();
    await t.run("subscribe incidents severity >= medium source mde");
    const mdi = { serviceSource: "microsoftDefenderForIdentity", detectionSource: "microsoftDefenderForIdentity" };
    source.put(
      graphIncident("801", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", { severity: "high" }, [
        graphAlert("b1", "2026-11-28T09:00:00Z"),
      ]),
    );
    source.put(
      graphIncident("802", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", { severity: "low" }, [
        graphAlert("b2", "2026-11-28T09:00:00Z"),
      ]),
    );
    source.put(
      graphIncident("803", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", { severity: "high" }, [
        graphAlert("b3", "2026-11-28T09:00:00Z", mdi),
      ]),
    );
    source.put(
      graphIncident("804", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", { severity: "high", status: "resolved" }, [
        graphAlert("b4", "2026-11-28T09:00:00Z"),
      ]),
    );
    await sync();
    source.put(
      graphIncident("805", "2026-11-28T10:00:00Z", "2026-11-28T10:00:00Z", { severity: "medium" }, [
        graphAlert("b5", "2026-11-28T10:00:00Z"),
      ]),
    );
    await sync();
    expect((await outboxRows(t)).filter((r) => r.op === "post").map((r) => r.key.split(":")[2])).toEqual([
      "801",
      "805",
    ]);

    await t.run("unsubscribe incidents");
    source.put(
      graphIncident("806", "2026-11-28T10:10:00Z", "2026-11-28T10:10:00Z", { severity: "high" }, [
        graphAlert("b6", "2026-11-28T10:10:00Z"),
      ]),
    );
    await sync();
    expect((await outboxRows(t)).some((r) => r.key.includes(":806:"))).toBe(false);
  });

  it("refuses a bad filter and changes nothing", async () => {
    const { t } = await setup();
    expect(t.text(await t.run("subscribe incidents severity >= urgent"))).toMatch(
      /"urgent" is not a severity[\s\S]*Usage: subscribe/,
    );
    expect(t.text(await t.run("subscribe incidents source defendr"))).toMatch(/"defendr" is not a source/);
    expect(
      await t.services.subscriptions.forConversation({ workspace: t.workspace, platform: "console", id: "C1" }),
    ).toEqual([]);
  });

  it("delivers root, in-place update and thread reply through the dispatcher to the console", async () => {
    const { t, source, sync } = await setup();
    await t.run("subscribe incidents");
    source.put(graphIncident("900", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z"));
    await sync();
    source.put(
      graphIncident("900", "2026-11-28T09:00:00Z", "2026-11-28T09:10:00Z", {
        status: "resolved",
        classification: "truePositive",
        determination: "malware",
      }),
    );
    t.clock.set("2026-11-28T10:20:00Z");
    await sync();
    const out = new PassThrough();
    let printed = "";
    out.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    const dispatcher = createDispatcher({
      storage: t.storage,
      messengers: [createConsoleMessenger(out, t.clock.now)],
      clock: t.clock.now,
      log: silentLogger(),
    });
    for (let i = 0; i < 6; i++) await dispatcher.tick();
    expect(printed).toContain("#C1\n[MEDIUM] Incident 900");
    expect(printed).toMatch(/#C1 \(updated console-1\)\n\[MEDIUM\] Incident 900[\s\S]*Status: resolved/);
    expect(printed).toMatch(/#C1 \(thread console-1\)\nStatus: active → resolved/);
    expect(printed).toMatch(/#C1 \(thread console-1\)\nClassified: true positive \(malware\)/);
  });
});
