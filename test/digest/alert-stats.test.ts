import { afterEach, describe, expect, it } from "vitest";
import type { IncidentChange } from "../../src/domain/incident-diff.js";
import type { Incident, IncidentAlert } from "../../src/domain/incident.js";
import { runDigestCatchUp, digestKey } from "../../src/digest/deliver.js";
import type { Reply } from "../../src/core/reply.js";
import { createTestBot, replyText, type TestBot } from "../support/test-bot.js";
import { testPlatforms } from "../support/platforms.js";

let t: TestBot;
afterEach(() => t.close());

const FROM = new Date("2026-03-16T08:00:00Z");
const TO = new Date("2026-03-23T08:00:00Z");

function alert(
  id: string,
  createdAt: string,
  status: string,
  evidence: IncidentAlert["evidence"],
  lastUpdateAt = createdAt,
): IncidentAlert {
  return {
    id,
    title: `Alert ${id}`,
    severity: "high",
    status,
    serviceSource: "microsoftDefenderForEndpoint",
    detectionSource: "antivirus",
    category: "Malware",
    mitreTechniques: [],
    evidence,
    createdAt,
    lastUpdateAt,
  };
}

function incident(id: string, severity: string, createdAt: string, alerts: IncidentAlert[] = []): Incident {
  return {
    tenant: t.services.alertFeed.source.tenant,
    id,
    displayName: `Incident ${id}`,
    description: "",
    severity,
    status: "active",
    classification: "unknown",
    determination: "unknown",
    assignedTo: null,
    webUrl: null,
    redirectIncidentId: null,
    customTags: [],
    createdAt,
    lastUpdateAt: createdAt,
    alerts,
  };
}

/** Stores the incident as it was at `at`, with the changes that brought it there. */
async function stored(
  i: Incident,
  at: string,
  changes: IncidentChange[],
  patch: Partial<Incident> = {},
): Promise<Incident> {
  const next = { ...i, ...patch, lastUpdateAt: at };
  await t.services.incidents.save(next, next.alerts, new Date(at));
  await t.services.incidents.recordChanges(next, changes, new Date(at), null);
  return next;
}

const status = (from: string, to: string): IncidentChange => ({ kind: "field", field: "status", from, to });

/** A week with two new incidents, two resolved, two open, a honeypot touched. */
async function seedWeek(): Promise<void> {
  await t.services.assets.put(
    t.workspace,
    { type: "device", value: "hp-decoy-01", label: "hp-decoy-01", mark: "honeypot" },
    null,
    FROM,
  );
  const decoy = [{ kind: "device" as const, value: "HP-DECOY-01.corp.example" }];
  const one = await stored(
    incident("1", "high", "2026-03-17T10:00:00Z", [alert("a1", "2026-03-17T10:00:00Z", "new", decoy)]),
    "2026-03-17T10:00:00Z",
    [{ kind: "created" }],
  );
  const acked = await stored(one, "2026-03-17T10:30:00Z", [status("active", "inProgress")], { status: "inProgress" });
  await stored(acked, "2026-03-18T10:00:00Z", [status("inProgress", "resolved")], {
    status: "resolved",
    alerts: [alert("a1", "2026-03-17T10:00:00Z", "resolved", decoy, "2026-03-18T10:00:00Z")],
  });
  const two = await stored(
    incident("2", "medium", "2026-03-20T12:00:00Z", [
      alert("a2", "2026-03-20T12:00:00Z", "new", [{ kind: "user", value: "bob@contoso.com" }]),
    ]),
    "2026-03-20T12:00:00Z",
    [{ kind: "created" }],
  );
  await stored(
    two,
    "2026-03-20T13:00:00Z",
    [{ kind: "field", field: "assignedTo", from: null, to: "ana@contoso.com" }],
    {
      assignedTo: "ana@contoso.com",
    },
  );
  await stored(
    incident("3", "low", "2026-03-01T09:00:00Z", [alert("a3", "2026-03-01T09:00:00Z", "new", [])]),
    "2026-03-01T09:00:00Z",
    [{ kind: "created" }],
  );
  const four = await stored(incident("4", "high", "2026-03-10T00:00:00Z"), "2026-03-10T00:00:00Z", [
    { kind: "created" },
  ]);
  await stored(four, "2026-03-19T00:00:00Z", [status("active", "resolved")], { status: "resolved" });
}

describe("alert numbers from the incidents tables", () => {
  it("are undefined while no incident was ever synced", async () => {
    t = await createTestBot();
    expect(await t.services.alertStats.weekStats(t.workspace, FROM, TO)).toBeUndefined();
  });

  it("count the week's new and resolved incidents and alerts, open ones by severity, MTTA, MTTR and honeypot touches", async () => {
    t = await createTestBot();
    await seedWeek();
    expect(await t.services.alertStats.weekStats(t.workspace, FROM, TO)).toEqual({
      newIncidents: 2,
      resolvedIncidents: 2,
      newAlerts: 2,
      resolvedAlerts: 1,
      openBySeverity: { low: 1, medium: 1 },
      // 1: 30 min to inProgress; 2: 60 min to an owner; 4: never acknowledged, resolved after 9 days (its first response).
      meanMinutesToAcknowledge: (30 + 60 + 9 * 24 * 60) / 3,
      meanMinutesToResolve: (24 * 60 + 9 * 24 * 60) / 2,
      honeypotTouches: 1,
    });
    expect((await t.services.alertStats.weekStats("another-workspace", FROM, TO))?.honeypotTouches).toBe(0);
  });

  it("reach the digest card", async () => {
    t = await createTestBot({ now: "2026-03-11T10:00:00Z" });
    await t.run("subscribe digest weekly monday 08:00 UTC");
    await seedWeek();
    await runDigestCatchUp({ services: t.services, platforms: testPlatforms(t.services) }, TO);
    const text = replyText(
      (await t.services.outbox.byKey(digestKey(t.workspace, "console", "C1", "2026-W13")))?.reply as Reply,
    );
    expect(text).toContain("Incidents: 2 new, 2 resolved");
    expect(text).toContain("Open by severity: low 1, medium 1");
    expect(text).toContain("Mean time to acknowledge: 3 d 0 h");
    expect(text).toContain("Mean time to resolve: 5 d 0 h");
    expect(text).toContain("Honeypot touches: 1");
  });
});
