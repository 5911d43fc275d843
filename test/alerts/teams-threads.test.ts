/** Incident threads end to end on Teams: sync → outbox → dispatcher → the real Teams Messenger → the fake Bot Connector. */
import { afterEach, describe, expect, it } from "vitest";
import { syncIncidents } from "../../src/alerts/sync.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { deviceEvidence, graphAlert, graphIncident } from "../fakes/graph-data.js";
import { ADA, CHANNEL, DANA, channel } from "../teams/activities.js";
import { startTeamsHarness, type TeamsHarness } from "../teams/harness.js";
import { ScriptedSource } from "./harness.js";

let h: TeamsHarness | undefined;
afterEach(async () => h?.close());

describe("incident threads on Teams", () => {
  it("starts one thread per incident, edits its root card in place and replies inside the thread", async () => {
    const source = new ScriptedSource();
    h = await startTeamsHarness({
      now: "2026-11-28T10:00:00Z",
      alertFeed: { source, backfillDays: 7, pollSeconds: 120 },
    });
    const teams = h;
    const sync = () => syncIncidents(teams.services, teams.clock.now());
    await sync();
    await teams.post(channel(teams.connector.serviceUrl, ADA, "<at>SecOps</at> subscribe incidents"));
    await teams.post(channel(teams.connector.serviceUrl, ADA, "<at>SecOps</at> asset honeypot hp-01"));
    const lead = await teams.services.people.upsert(teams.workspace, {
      platform: "teams",
      userId: DANA.aadObjectId ?? "",
      displayName: "Dana",
    });
    await teams.services.people.setRole(lead.id, "lead");

    const title = "Ransomware <at>Everyone</at> on [portal](https://evil.example)";
    source.put(
      graphIncident("88", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", { displayName: title }, [
        graphAlert("t1", "2026-11-28T09:00:00Z"),
      ]),
    );
    await sync();
    source.put(
      graphIncident("88", "2026-11-28T09:00:00Z", "2026-11-28T09:10:00Z", { displayName: title, severity: "high" }, [
        graphAlert("t1", "2026-11-28T09:00:00Z", {
          lastUpdateDateTime: "2026-11-28T09:10:00Z",
          evidence: [deviceEvidence("hp-01")],
        }),
      ]),
    );
    teams.clock.set("2026-11-28T10:15:00Z");
    await sync();

    const dispatcher = createDispatcher({
      storage: teams.services,
      messengers: [teams.teams.messenger],
      clock: teams.clock.now,
      log: silentLogger(),
    });
    const pending = async () => (await teams.services.outbox.all()).filter((r) => r.status === "pending");
    for (let i = 0; i < 10 && (await pending()).length > 0; i++) {
      await dispatcher.tick();
      teams.clock.advance(2_000);
    }
    await dispatcher.stop();
    expect(await pending()).toEqual([]);

    const roots = teams.connector
      .callsOf("createConversation")
      .filter((c) => String(c.response?.id).startsWith(CHANNEL));
    expect(roots).toHaveLength(1);
    const thread = String(roots[0]?.response?.id);
    expect(thread).toMatch(new RegExp(`^${CHANNEL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")};messageid=`));
    const rootMessage = thread.split(";messageid=")[1];

    const updates = teams.connector.callsOf("updateActivity");
    expect(updates).toHaveLength(1);
    expect(updates[0]?.activityId).toBe(rootMessage);
    expect(teams.cardText(updates[0])).toContain("high");

    const replies = teams.connector.callsOf("sendToConversation").filter((c) => c.conversationId === thread);
    expect(replies).toHaveLength(2);
    const said = replies.map((r) => JSON.stringify(r.body)).join("\n");
    expect(said).toMatch(/Severity raised/);
    expect(said).toMatch(/Honeypot/);
    const everything = JSON.stringify([...roots, ...updates, ...replies].map((c) => c.body));
    expect(everything.match(/"type":"TextBlock"[^}]*Ransomware/)).toBeNull();
    expect(
      everything.match(
        /"type":"TextRun","text":"Ransomware <at>Everyone<\/at> on \[portal\]\(https:\/\/evil\.example\)"/g,
      ),
    ).toHaveLength(2);
    const mentioned = [...JSON.stringify(replies.map((r) => r.body)).matchAll(/"mentioned":\{"id":"([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(mentioned).toEqual([ADA.aadObjectId, DANA.aadObjectId]);
  });
});
