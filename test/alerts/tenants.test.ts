/**
 * Graph per workspace: a workspace sees only the incidents of the Graph tenant it is linked to, in
 * `incident`, `alerts`, incident threads and the digest's numbers, even when two workspaces use the
 * same channel id. With no links anywhere every workspace sees the synced tenant, as before.
 */
import { afterEach, describe, expect, it } from "vitest";
import { syncIncidents } from "../../src/alerts/sync.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { openTestStorage } from "../support/test-storage.js";
import type { Storage } from "../../src/storage/storage.js";

/** The demo source syncs the tenant "demo"; "globex-tenant" is another customer's, not synced here. */
const LINKS = [
  { tenant: "demo", workspace: "acme" },
  { tenant: "globex-tenant", workspace: "globex" },
];

let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

async function bots(tenantWorkspaces = LINKS): Promise<Record<"acme" | "globex" | "initech", TestBot>> {
  storage = await openTestStorage();
  const make = (workspace: string) =>
    createTestBot({ storage, workspace, tenantWorkspaces, now: "2026-11-28T10:00:00Z" });
  return { acme: await make("acme"), globex: await make("globex"), initech: await make("initech") };
}

describe("Graph incidents per workspace", () => {
  it("shows a workspace only its linked tenant's incidents in incident, alerts and the digest numbers", async () => {
    const { acme, globex, initech } = await bots();
    await syncIncidents(acme.services, acme.clock.now());

    expect(acme.text(await acme.run("incident 41001"))).toContain("41001");
    expect(acme.text(await acme.run("alerts 7d"))).toMatch(/Open incidents: [1-9]/);

    expect(globex.text(await globex.run("incident 41001"))).toContain("No incident 41001 has been synced");
    expect(globex.text(await globex.run("alerts 7d"))).toContain("Open incidents: 0");
    expect(initech.text(await initech.run("alerts"))).toContain(
      "No Microsoft Graph tenant is linked to this workspace",
    );
    expect(initech.text(await initech.run("incident 41001"))).toContain("graph link <tenant>");

    const week = { from: new Date("2026-11-16T00:00:00Z"), to: new Date("2026-11-30T00:00:00Z") };
    const seen = async (t: TestBot) =>
      JSON.stringify(await t.services.alertStats.weekStats(t.workspace, week.from, week.to));
    const acmeStats = await seen(acme);
    expect(acmeStats).not.toEqual(await seen(globex));
    expect(await seen(globex)).toEqual(await seen(initech));
  });

  it("threads incidents only into the linked workspace's subscription, on a channel id both use", async () => {
    const { acme, globex, initech } = await bots();
    expect(acme.text(await acme.run("subscribe incidents"))).toContain("No open incident matches yet");
    expect(globex.text(await globex.run("subscribe incidents"))).toContain("No open incident matches yet");
    expect(initech.text(await initech.run("subscribe incidents"))).toContain("No Microsoft Graph tenant is linked");
    await syncIncidents(acme.services, acme.clock.now());
    acme.clock.advance(6 * 60_000);
    await syncIncidents(acme.services, acme.clock.now());
    const rows = await acme.storage.outbox.all();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => `${r.workspace} ${r.conversationId}`))).toEqual(new Set(["acme C1"]));
    expect(await acme.storage.subscriptions.ofKind("incidents")).toHaveLength(2);
  });

  it("graph link: only a listed admin, only a known tenant, never over the settings' link", async () => {
    const { acme, initech } = await bots();
    await syncIncidents(acme.services, acme.clock.now());
    expect(initech.text(await initech.run("graph"))).toContain("sees no incidents yet");
    expect(initech.text(await initech.run("graph link someone-elses-tenant"))).toContain(
      "is not a tenant this deployment reads",
    );
    await initech.run("role @lena admin");
    expect(initech.text(await initech.run("graph link demo", "lena"))).toContain(
      "Only an admin listed in SECOPS_ADMINS",
    );
    expect(initech.text(await initech.run("graph link demo"))).toContain(
      "sees the incidents of Microsoft Graph tenant demo",
    );
    expect(initech.text(await initech.run("incident 41001"))).toContain("41001");
    expect(acme.text(await acme.run("graph link globex-tenant"))).toContain(
      "SECOPS_GRAPH_TENANT_WORKSPACES links this workspace to demo",
    );
    await initech.run("graph unlink");
    expect(initech.text(await initech.run("incident 41001"))).toContain("graph link <tenant>");
  });

  it("with one tenant and no links, every workspace sees it; the first graph link makes the others blind", async () => {
    const { acme, globex } = await bots([]);
    await syncIncidents(acme.services, acme.clock.now());
    expect(acme.text(await acme.run("incident 41001"))).toContain("41001");
    expect(globex.text(await globex.run("incident 41001"))).toContain("41001");
    await acme.run("graph link demo");
    expect(acme.text(await acme.run("incident 41001"))).toContain("41001");
    expect(globex.text(await globex.run("incident 41001"))).toContain("graph link <tenant>");
  });

  it("reads SECOPS_GRAPH_TENANT_WORKSPACES and refuses a malformed value or a workspace under two tenants", () => {
    const env = (value: string) => ({ SECOPS_PLATFORMS: "console", SECOPS_GRAPH_TENANT_WORKSPACES: value });
    expect(loadConfig(env("tenantA=T111, T222; tenantB=slack:T333")).graphTenantWorkspaces).toEqual([
      { tenant: "tenantA", workspace: "T111" },
      { tenant: "tenantA", workspace: "T222" },
      { tenant: "tenantB", workspace: "slack:T333" },
    ]);
    for (const bad of ["tenantA", "tenantA=", "ten ant=T1", "tenantA=T1=T2", "a=T1;b=T1", "a=<T1>"]) {
      expect(() => loadConfig(env(bad)), bad).toThrow(ConfigError);
      expect(() => loadConfig(env(bad)), bad).toThrow(/SECOPS_GRAPH_TENANT_WORKSPACES: /);
    }
  });
});
