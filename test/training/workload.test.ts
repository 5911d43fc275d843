import { afterEach, describe, expect, it } from "vitest";
import type { Incident, IncidentAlert } from "../../src/domain/incident.js";
import { fromDate } from "../../src/domain/incident-time.js";
import { createIncidentWorkload } from "../../src/training/incident-workload.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
afterEach(() => t.close());

const NOW = new Date("2026-12-01T10:00:00Z");
const daysAgo = (d: number) => fromDate(new Date(NOW.getTime() - d * 86_400_000));
let seq = 0;

function alert(serviceSource: string, at: string): IncidentAlert {
  seq += 1;
  return {
    id: `a${seq}`,
    title: "Suspicious sign-in",
    severity: "medium",
    status: "new",
    serviceSource,
    detectionSource: "unknown",
    category: "",
    mitreTechniques: [],
    evidence: [],
    createdAt: at,
    lastUpdateAt: at,
  };
}

async function store(assignedTo: string | null, ageDays: number, sources: string[], tenant = "contoso"): Promise<void> {
  seq += 1;
  const at = daysAgo(ageDays);
  const incident: Incident = {
    tenant,
    id: String(1000 + seq),
    displayName: "Multi-stage incident",
    description: "",
    severity: "medium",
    status: "active",
    classification: "unknown",
    determination: "unknown",
    assignedTo,
    webUrl: null,
    redirectIncidentId: null,
    customTags: [],
    createdAt: at,
    lastUpdateAt: at,
    alerts: sources.map((s) => alert(s, at)),
  };
  await t.storage.incidents.save(incident, incident.alerts, NOW);
}

async function withDana(): Promise<void> {
  t = await createTestBot({ now: NOW.toISOString() });
  await t.run("role @dana analyst");
  await t.services.people.upsert(t.workspace, {
    platform: "console",
    userId: "dana",
    displayName: "Dana Reyes",
    email: "dana@contoso.com",
  });
}

describe("incident workload from the stored incidents", () => {
  it("counts incidents assigned by UPN or display name in the last 30 days, once per skill area", async () => {
    await withDana();
    await store("DANA@contoso.com", 2, ["microsoftDefenderForIdentity"]);
    await store("dana@contoso.com", 10, ["microsoftDefenderForIdentity", "azureAdIdentityProtection"]);
    await store("Dana Reyes", 20, ["MicrosoftDefenderForIdentity", "microsoftDefenderForEndpoint"]);
    await store("dana@contoso.com", 45, ["microsoftDefenderForIdentity"]);
    await store("eli@contoso.com", 1, ["microsoftDefenderForIdentity"]);
    await store(null, 1, ["microsoftDefenderForIdentity"]);
    await store("dana@contoso.com", 3, ["dataLossPrevention"]);
    const dana = (await t.services.people.byPlatformId(t.workspace, "dana"))!;
    const counts = await t.services.workload.countsFor(t.workspace, dana, new Date(NOW.getTime() - 30 * 86_400_000));
    expect(Object.fromEntries(counts)).toEqual({ identity: 3, endpoint: 1 });
  });

  it("limits a workspace to its Graph tenants when told which they are", async () => {
    await withDana();
    await store("dana@contoso.com", 2, ["microsoftSentinel"], "contoso");
    await store("dana@contoso.com", 2, ["microsoftSentinel"], "fabrikam");
    const workload = createIncidentWorkload(t.storage.incidents, t.services.catalog, () => ["fabrikam"]);
    const dana = (await t.services.people.byPlatformId(t.workspace, "dana"))!;
    expect(Object.fromEntries(await workload.countsFor(t.workspace, dana, new Date(0)))).toEqual({ siem: 1 });
  });

  it("turns identity incidents into suggestions that say why, until identity training is done", async () => {
    await withDana();
    for (let i = 0; i < 6; i += 1) await store("dana@contoso.com", i + 1, ["microsoftDefenderForIdentity"]);
    const train = t.text(await t.run("train", "dana"));
    expect(train).toContain(
      "You handled 6 incidents touching Identity in the last 30 days; it is a Stage 1 module, the stage the team is in:",
    );
    expect(train).toContain("Microsoft Defender for Identity documentation (documentation, about 45 minutes)");
    await t.run("trained mdi-docs", "dana");
    expect(t.text(await t.run("train", "dana"))).toContain("No gaps to close right now");
  });
});
