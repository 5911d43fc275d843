import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";
import { afterEach, describe, expect, it } from "vitest";
import { deviceEvidence, graphAlert, graphIncident } from "../fakes/graph-data.js";
import { graphHarness, type GraphHarness } from "./harness.js";

let h: GraphHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function seed(h: GraphHarness, count: number, day = "2026-11-27"): void {
  for (let i = 1; i <= count; i++) {
    const at = `${day}T0${i % 10}:00:00Z`;
    h.fake.routes.put(
      graphIncident(`10${i}`, at, at, { severity: i % 2 ? "high" : "low" }, [
        graphAlert(`a-10${i}`, at, { evidence: [deviceEvidence(`ws-${i}.contoso.local`)] }),
      ]),
    );
  }
}

describe("incident sync through the real Graph client and @azure/identity", () => {
  it("backfills the last 7 days page by page, following @odata.nextLink verbatim", async () => {
    h = await graphHarness({ fake: { maxPageSize: 2 } });
    seed(h, 5);
    h.fake.routes.put(graphIncident("99", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
    const summary = await h.sync();

    expect(summary.error).toBeUndefined();
    const stored = await h.t.services.incidents.open("11111111-2222-3333-4444-555555555555", 0);
    expect(stored.map((i) => i.id).sort()).toEqual(["101", "102", "103", "104", "105"]);
    expect(stored.find((i) => i.id === "101")?.alerts[0]?.evidence).toEqual([
      { kind: "device", value: "ws-1.contoso.local" },
    ]);

    const incidentCalls = h.fake.graphRequests().filter((r) => r.path === "/v1.0/security/incidents");
    expect(incidentCalls).toHaveLength(3);
    expect(incidentCalls[0]?.query.get("$filter")).toBe("lastUpdateDateTime ge 2026-11-21T10:00:00.0000000Z");
    expect(incidentCalls[0]?.query.get("$expand")).toBe("alerts");
    expect(incidentCalls[0]?.query.get("$count")).toBe("true");
    expect(incidentCalls.every((r) => r.authorization?.startsWith("Bearer "))).toBe(true);
    expect(incidentCalls.every((r) => r.prefer === "include-unknown-enum-members")).toBe(true);
    const links = h.fake.routes.nextLinks.map((l) => l.slice(h?.fake.url.length));
    expect(incidentCalls.slice(1).map((r) => r.rawUrl)).toEqual(links.slice(0, 2));
    expect(h.fake.requests.some((r) => r.path.endsWith("/v2.0/.well-known/openid-configuration"))).toBe(true);
    expect(h.fake.entra.tokenRequests).toBe(1);
    expect((await h.t.storage.syncState.get("11111111-2222-3333-4444-555555555555", "incidents"))?.cursor).toBe(
      "2026-11-27T05:00:00.0000000Z",
    );
  });

  it("reads only what changed since the cursor on the next poll", async () => {
    h = await graphHarness();
    seed(h, 2);
    await h.sync();
    const incident = h.fake.routes.incidents.get("101");
    if (incident)
      Object.assign(incident, {
        lastUpdateDateTime: "2026-11-28T10:30:00.1234567Z",
        status: "inProgress",
        assignedTo: "kai@contoso.com",
      });
    h.t.clock.set("2026-11-28T10:32:00Z");
    const summary = await h.sync();

    const calls = h.fake.graphRequests().filter((r) => r.path === "/v1.0/security/incidents");
    expect(calls.at(-1)?.query.get("$filter")).toBe("lastUpdateDateTime ge 2026-11-27T01:58:00.0000000Z");
    expect(summary.changed).toBe(1);
    const stored = await h.t.services.incidents.get("11111111-2222-3333-4444-555555555555", "101");
    expect(stored?.status).toBe("inProgress");
    expect(stored?.assignedTo).toBe("kai@contoso.com");
    expect((await h.t.storage.syncState.get("11111111-2222-3333-4444-555555555555", "incidents"))?.cursor).toBe(
      "2026-11-28T10:30:00.1234567Z",
    );
  });

  it("waits out a 429 with Retry-After and a 503, then succeeds", async () => {
    h = await graphHarness();
    seed(h, 1);
    h.fake.fail({ path: /\/security\/incidents$/, times: 1, status: 429, retryAfter: "0" });
    h.fake.fail({ path: /\/security\/alerts_v2$/, times: 1, status: 503, retryAfter: "1" });
    const summary = await h.sync();

    expect(summary.error).toBeUndefined();
    const calls = h.fake.graphRequests();
    expect(calls.filter((r) => r.path === "/v1.0/security/incidents").map((r) => r.retryAttempt ?? "0")).toEqual([
      "0",
      "1",
    ]);
    expect(calls.filter((r) => r.path === "/v1.0/security/alerts_v2").map((r) => r.retryAttempt ?? "0")).toEqual([
      "0",
      "1",
    ]);
    expect(await h.t.services.incidents.get("11111111-2222-3333-4444-555555555555", "101")).toBeDefined();
  });

  it("keeps the cursor when Graph stays throttled or unreachable, and resumes next time", async () => {
    h = await graphHarness({ source: { maxRetries: 1 } });
    seed(h, 1);
    h.fake.fail({ path: /\/security\/incidents$/, times: 2, status: 429, retryAfter: "0" });
    const throttled = await h.sync();
    expect(throttled.error).toMatch(/throttling/);
    h.fake.fail({ path: /\/security\/incidents$/, times: 2, drop: true });
    const dropped = await h.sync();
    expect(dropped.error).toMatch(/could not be reached/);
    const state = await h.t.storage.syncState.get("11111111-2222-3333-4444-555555555555", "incidents");
    expect(state?.cursor).toBeNull();
    expect(state?.lastError).toMatch(/could not be reached/);

    const recovered = await h.sync();
    expect(recovered.error).toBeUndefined();
    expect(await h.t.services.incidents.get("11111111-2222-3333-4444-555555555555", "101")).toBeDefined();
  });

  it("names the permission Graph refused, and rejects a wrong client secret before calling Graph", async () => {
    h = await graphHarness({ fake: { permissions: ["SecurityIncident.Read.All"] } });
    seed(h, 1);
    const summary = await h.sync();
    expect(summary.error).toContain("SecurityAlert.Read.All");
    expect(await h.t.services.incidents.get("11111111-2222-3333-4444-555555555555", "101")).toBeDefined();
    await h.close();

    h = await graphHarness({ clientSecret: "wrong-secret" });
    const failed = await h.sync();
    expect(failed.error).toMatch(/Could not get a Microsoft Graph token/);
    expect(h.fake.graphRequests()).toHaveLength(0);
  });

  it("fakes Graph's refusals: 401 without a bearer token, 400 for undocumented filters, options and enum values", async () => {
    h = await graphHarness();
    seed(h, 1);
    const res = await fetch(`${h.fake.url}/v1.0/security/incidents`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
    h.fake.entra.tokens.set("test-token", ["SecurityIncident.ReadWrite.All"]);
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${h?.fake.url}/v1.0/security/${path}`, {
        ...init,
        headers: { authorization: "Bearer test-token", "content-type": "application/json" },
      });
    expect((await call("incidents?$filter=investigationState eq 'running'")).status).toBe(400);
    expect((await call("incidents?$filter=lastUpdateDateTime ge '2026-11-01T00:00:00Z'")).status).toBe(400);
    expect((await call("incidents?$orderby=createdDateTime desc")).status).toBe(400);
    expect(
      (await call("incidents?$filter=severity eq 'high' and lastUpdateDateTime ge 2026-11-01T00:00:00Z")).status,
    ).toBe(200);
    expect((await call("incidents/101", { method: "PATCH", body: JSON.stringify({ status: "closed" }) })).status).toBe(
      400,
    );
    expect((await call("incidents/101", { method: "PATCH", body: JSON.stringify({ displayName: "x" }) })).status).toBe(
      400,
    );
    expect((await call("alerts_v2")).status).toBe(403);
  });

  it("signs in with a certificate (ClientCertificateCredential) as well as with a secret", async () => {
    const pems = await generate([{ name: "commonName", value: "secops-bot" }], { keySize: 2048, algorithm: "sha256" });
    const dir = mkdtempSync(join(tmpdir(), "secops-cert-"));
    const path = join(dir, "app.pem");
    writeFileSync(path, `${pems.private}\n${pems.cert}`);
    try {
      h = await graphHarness({ fake: { certificatePem: pems.cert }, certificatePath: path });
      seed(h, 1);
      expect((await h.sync()).error).toBeUndefined();
      const token = h.fake.requests.find((r) => r.path.endsWith("/oauth2/v2.0/token"));
      expect(new URLSearchParams(token?.body).get("client_assertion_type")).toBe(
        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      );
      expect(new URLSearchParams(token?.body).has("client_secret")).toBe(false);
      expect(await h.t.services.incidents.get("11111111-2222-3333-4444-555555555555", "101")).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
