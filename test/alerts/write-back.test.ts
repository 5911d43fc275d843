import { afterEach, describe, expect, it } from "vitest";
import { graphAlert, graphIncident } from "../fakes/graph-data.js";
import { graphHarness, outboxRows, type GraphHarness } from "./harness.js";

const TENANT = "11111111-2222-3333-4444-555555555555";
let h: GraphHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function ready(permissions?: string[]): Promise<GraphHarness> {
  h = await graphHarness(permissions ? { fake: { permissions } } : {});
  h.fake.routes.put(
    graphIncident("301", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", { severity: "high" }, [
      graphAlert("w1", "2026-11-28T09:00:00Z"),
    ]),
  );
  await h.sync();
  await h.t.run("subscribe incidents");
  await h.t.run("role @dana analyst");
  return h;
}

function patches(h: GraphHarness): unknown[] {
  return h.fake
    .graphRequests()
    .filter((r) => r.method === "PATCH")
    .map((r) => [r.path, JSON.parse(r.body)]);
}

describe("acting on an incident from its card", () => {
  it("assigns to the presser in Graph, threads the change and audits who acted", async () => {
    const h = await ready();
    const reply = await h.t.press("incident.assign", "301", "dana");
    expect(h.t.text(reply)).toBe("Incident 301: assigned to dana.");
    expect(patches(h)).toEqual([["/v1.0/security/incidents/301", { assignedTo: "dana" }]]);
    const comment = h.fake.graphRequests().find((r) => r.method === "POST");
    expect([comment?.path, JSON.parse(comment?.body ?? "{}")]).toEqual([
      "/v1.0/security/incidents/301/comments",
      { "@odata.type": "microsoft.graph.security.alertComment", comment: "dana (via secops-bot): assigned to dana." },
    ]);
    expect(h.fake.routes.incidents.get("301")?.comments).toEqual([
      expect.objectContaining({ comment: "dana (via secops-bot): assigned to dana." }),
    ]);
    expect((await h.t.services.incidents.get(TENANT, "301"))?.assignedTo).toBe("dana");
    const audit = await h.t.services.audit.history(h.t.workspace, "incident", `${TENANT}:301`);
    expect(audit.map((a) => [a.action, a.actorName, a.oldValue, a.newValue])).toEqual([
      ["assignedTo", "dana", null, "dana"],
    ]);
    const rows = await outboxRows(h.t);
    const root = rows.find((r) => r.op === "post");
    expect(rows.filter((r) => r.op === "reply").map((r) => [r.text, r.rootKey])).toEqual([
      ["Assigned to dana (by dana)", root?.key],
    ]);
    expect(rows.find((r) => r.op === "update")?.text).toContain("Owner: dana");

    const count = rows.length;
    h.t.clock.advance(5 * 60_000);
    await h.sync();
    expect(await outboxRows(h.t)).toHaveLength(count);
    expect(h.t.text(await h.t.press("incident.assign", "301", "dana"))).toMatch(/already assigned to you/);
  });

  it("resolves with a classification and determination chosen in a form, sent as camelCase", async () => {
    const h = await ready();
    expect(h.t.text(await h.t.press("incident.resolve", "301", "dana"))).toContain(
      "incident 301 resolve <tp|fp|benign> [determination]",
    );
    const refused = await h.t.press("incident.resolved", "301", "dana", {
      classification: "falsePositive",
      determination: "malware",
    });
    expect(h.t.text(refused)).toMatch(/does not go with falsePositive[\s\S]*Usage: incident <id> resolve/);
    expect(patches(h)).toEqual([]);

    const reply = await h.t.press("incident.resolved", "301", "dana", {
      classification: "truePositive",
      determination: "Malware",
    });
    expect(h.t.text(reply)).toBe("Incident 301: resolved as true positive, malware.");
    expect(patches(h)).toEqual([
      [
        "/v1.0/security/incidents/301",
        { status: "resolved", classification: "truePositive", determination: "malware" },
      ],
    ]);
    const replies = (await outboxRows(h.t)).filter((r) => r.op === "reply").map((r) => r.text);
    expect(replies).toEqual(["Status: active → resolved (by dana)", "Classified: true positive (malware) (by dana)"]);
    expect((await outboxRows(h.t)).find((r) => r.op === "update")?.text).toContain("[Reopen]");
  });

  it("works from the command line too", async () => {
    const h = await ready();
    expect(h.t.text(await h.t.run("incident 301 start", "dana"))).toBe("Incident 301: status set to in progress.");
    expect(h.t.text(await h.t.run("incident 301 resolve fp clean", "dana"))).toBe(
      "Incident 301: resolved as false positive, not malicious.",
    );
    expect(patches(h)).toEqual([
      ["/v1.0/security/incidents/301", { status: "inProgress" }],
      [
        "/v1.0/security/incidents/301",
        { status: "resolved", classification: "falsePositive", determination: "notMalicious" },
      ],
    ]);
    const card = h.t.text(await h.t.run("incident 301", "dana"));
    expect(card).toContain("Status: resolved");
    expect(card).toMatch(/Recent changes: .*status → in progress \(dana\).*status → resolved \(dana\)/);
  });

  it("says exactly which permission is missing when Graph refuses the write, and changes nothing", async () => {
    const h = await ready(["SecurityIncident.Read.All", "SecurityAlert.Read.All"]);
    const reply = await h.t.press("incident.start", "301", "dana");
    expect(h.t.text(reply)).toBe(
      "Microsoft Graph denied access (403): the app registration is missing the SecurityIncident.ReadWrite.All application permission (grant it and give admin consent). Nothing was changed.",
    );
    expect(patches(h)).toHaveLength(1);
    expect((await h.t.services.incidents.get(TENANT, "301"))?.status).toBe("active");
    expect(await h.t.services.audit.history(h.t.workspace, "incident", `${TENANT}:301`)).toEqual([]);
    expect((await outboxRows(h.t)).filter((r) => r.op !== "post")).toEqual([]);
  });

  it("refuses people without a role, and buttons naming unknown incidents", async () => {
    const h = await ready();
    expect(h.t.text(await h.t.press("incident.assign", "301", "mallory"))).toMatch(
      /needs an analyst, a lead or an admin; your role is none/,
    );
    expect(h.t.text(await h.t.press("incident.start", "999", "dana"))).toBe("No incident 999 has been synced (yet).");
    expect(h.t.text(await h.t.press("incident.start", "../../x y", "dana"))).toMatch(/is not an incident id/);
    expect(patches(h)).toEqual([]);
  });
});

describe("attribution", () => {
  it("a change Defender made in the meantime is the source's, not the person's who clicked", async () => {
    const h = await ready();
    const stored = h.fake.routes.incidents.get("301");
    if (stored) stored.severity = "critical";
    await h.t.press("incident.assign", "301", "dana");
    const lines = (await outboxRows(h.t)).filter((r) => r.op === "reply").map((r) => r.text);
    expect(lines).toContain("Assigned to dana (by dana)");
    expect(lines.join("\n")).toMatch(/Severity \w+: high → critical \(by Microsoft Defender XDR\)/);
    expect(lines.join("\n")).not.toMatch(/critical \(by dana\)/);
    const history = (await h.t.services.incidents.history(TENANT, "301")).filter((c) => c.field === "severity");
    expect(history.map((c) => c.actorName)).toEqual(["Microsoft Defender XDR"]);
  });
});
