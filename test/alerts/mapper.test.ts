import { describe, expect, it } from "vitest";
import { bound } from "../../src/alerts/bounded.js";
import { readEvidence } from "../../src/alerts/evidence.js";
import { mapIncident, safePortalUrl } from "../../src/alerts/mapper.js";
import { diffIncident } from "../../src/domain/incident-diff.js";
import { canonicalTime } from "../../src/domain/incident-time.js";
import { parseAssetName, touchedAssets } from "../../src/domain/incident-assets.js";
import { graphAlert, graphIncident } from "../fakes/graph-data.js";

describe("Graph mapper and incident rules", () => {
  it("compares Graph times of any precision correctly", () => {
    expect(canonicalTime("2021-05-02T14:19:01.3266667Z")).toBe("2021-05-02T14:19:01.3266667Z");
    expect(canonicalTime("2021-05-02T14:19:01Z")).toBe("2021-05-02T14:19:01.0000000Z");
    expect(canonicalTime("2021-05-02T16:19:01.5+02:00")).toBe("2021-05-02T14:19:01.5000000Z");
    expect(canonicalTime("yesterday")).toBeNull();
    expect(canonicalTime("2021-05-02T14:19:01Z")! < canonicalTime("2021-05-02T14:19:01.0000001Z")!).toBe(true);
  });

  it("reads enums case-insensitively and keeps unknown ones", () => {
    const i = mapIncident(
      graphIncident("1", "2026-11-28T08:00:00Z", "2026-11-28T08:00:00Z", {
        severity: "High",
        status: "InProgress",
        determination: "MultiStagedAttack",
        classification: "Bogus",
      }),
      "t",
    );
    expect([i?.severity, i?.status, i?.determination, i?.classification]).toEqual([
      "high",
      "inProgress",
      "multiStagedAttack",
      "Bogus",
    ]);
  });

  it("links only to https Defender portal hosts", () => {
    expect(safePortalUrl("https://security.microsoft.com/incidents/1?tid=x")).toBe(
      "https://security.microsoft.com/incidents/1?tid=x",
    );
    expect(safePortalUrl("https://security.microsoft.us/incidents/1", "security.microsoft.us")).toBe(
      "https://security.microsoft.us/incidents/1",
    );
    for (const bad of [
      "http://security.microsoft.com/x",
      "https://security.microsoft.com.evil.example/",
      "https://user@security.microsoft.com/",
      "javascript:alert(1)",
      "https://security.microsoft.com:8443/x",
      "https://evil.example/",
    ]) {
      expect(safePortalUrl(bad)).toBeNull();
    }
  });

  it("normalises evidence to a compact list and skips types it does not know", () => {
    const evidence = readEvidence([
      {
        "@odata.type": "#microsoft.graph.security.deviceEvidence",
        deviceDnsName: "ws1.contoso.local",
        ipInterfaces: ["10.0.0.1"],
        loggedOnUsers: [{ accountName: "kai", domainName: "CONTOSO" }],
      },
      { "@odata.type": "#microsoft.graph.security.mailboxEvidence", primaryAddress: "ceo@contoso.com" },
      { "@odata.type": "#microsoft.graph.security.azureResourceEvidence", resourceId: "/subscriptions/1/rg/x" },
      { "@odata.type": "#microsoft.graph.security.urlEvidence", url: "https://phish.example/" },
      { "@odata.type": "#microsoft.graph.security.kubernetesPodEvidence", name: "pod" },
      { "@odata.type": "#microsoft.graph.security.ipEvidence", ipAddress: 42 },
      "not an object",
    ]);
    expect(evidence).toEqual([
      { kind: "device", value: "ws1.contoso.local" },
      { kind: "ip", value: "10.0.0.1" },
      { kind: "user", value: "CONTOSO\\kai" },
      { kind: "mailbox", value: "ceo@contoso.com" },
      { kind: "cloud", value: "/subscriptions/1/rg/x" },
      { kind: "url", value: "https://phish.example/" },
    ]);
  });

  it("merges by lastUpdateDateTime, not by arrival order, and a replay changes nothing", () => {
    const older = mapIncident(
      graphIncident("1", "2026-11-28T08:00:00Z", "2026-11-28T08:00:00Z", { status: "active" }, [
        graphAlert("a", "2026-11-28T08:00:00Z"),
      ]),
      "t",
    )!;
    const newer = mapIncident(
      graphIncident("1", "2026-11-28T08:00:00Z", "2026-11-28T09:00:00Z", { status: "resolved" }, [
        graphAlert("b", "2026-11-28T09:00:00Z"),
      ]),
      "t",
    )!;
    const forward = diffIncident(older, newer);
    expect(forward.changes.map((c) => c.kind)).toEqual(["field", "alert-added"]);
    const backward = diffIncident(forward.next, older);
    expect(backward.changed).toBe(false);
    expect(backward.next.status).toBe("resolved");
    expect(backward.next.alerts.map((a) => a.id)).toEqual(["a", "b"]);
    expect(diffIncident(forward.next, newer).changed).toBe(false);
  });

  it("matches watched assets by kind, case and short host name", () => {
    const device = parseAssetName("HP-FS-01");
    const ip = parseAssetName("10.0.0.5");
    expect(device).toEqual({ type: "device", value: "hp-fs-01" });
    expect(parseAssetName("a@b")).toHaveProperty("error");
    if ("error" in device || "error" in ip) throw new Error("parse failed");
    const assets = [
      { ...device, label: "HP-FS-01", mark: "critical" as const },
      { ...ip, label: "10.0.0.5", mark: "honeypot" as const },
    ];
    const touches = touchedAssets(
      [
        { kind: "device", value: "hp-fs-01.contoso.local" },
        { kind: "user", value: "10.0.0.5" },
      ],
      assets,
    );
    expect(touches.map((t) => t.asset.label)).toEqual(["HP-FS-01"]);
  });

  it("cuts text without leaving half a surrogate pair", () => {
    expect(bound("ab😀", 3)).toBe("ab");
    expect(bound("abc", 3)).toBe("abc");
  });
});
