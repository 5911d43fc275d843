import { afterEach, describe, expect, it } from "vitest";
import { replyToConsole } from "../../adapters/console/render.js";
import type { Block, Card, Reply, Span } from "../../src/core/reply.js";
import { fileEvidence, graphAlert, graphIncident, userEvidence, deviceEvidence } from "../fakes/graph-data.js";
import { hostileStrings } from "../support/hostile-strings.js";
import { graphHarness, outboxRows, type GraphHarness } from "./harness.js";

const TENANT = "11111111-2222-3333-4444-555555555555";
let h: GraphHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function spansOf(reply: Reply): Span[] {
  if (reply.kind === "text") return reply.spans;
  if (reply.kind === "form") return reply.fallback;
  return reply.card.blocks.flatMap((b: Block) => (b.type === "text" || b.type === "context" ? b.spans : []));
}

function links(reply: Reply): string[] {
  const fromSpans = spansOf(reply).flatMap((s) => (typeof s === "object" && "link" in s ? [s.link.url] : []));
  const fromActions =
    reply.kind === "card"
      ? (reply.card as Card).blocks.flatMap((b) =>
          b.type === "actions" ? b.actions.flatMap((a) => (a.kind === "link" ? [a.url] : [])) : [],
        )
      : [];
  return [...fromSpans, ...fromActions];
}

describe("hostile and unexpected Graph data", () => {
  it("stores attacker-controlled text bounded and shows it only as literal text", async () => {
    h = await graphHarness();
    await h.sync();
    await h.t.run("subscribe incidents");
    const hostile = hostileStrings();
    hostile.forEach((s, i) => {
      const at = `2026-11-28T09:${String(i % 60).padStart(2, "0")}:00Z`;
      const evidence = [fileEvidence(s), userEvidence(s), deviceEvidence(s)];
      const url =
        i % 3 === 0
          ? "https://evil.example/incidents/1"
          : i % 3 === 1
            ? "javascript:alert(1)"
            : "https://security.microsoft.com.evil.example/x";
      h?.fake.routes.put(
        graphIncident(`h${i}`, at, at, { displayName: s, description: s, assignedTo: s, incidentWebUrl: url }, [
          graphAlert(`ha${i}`, at, { title: s, evidence }),
        ]),
      );
    });
    h.t.clock.set("2026-11-28T10:05:00Z");
    const summary = await h.sync();
    expect(summary.error).toBeUndefined();
    expect(await h.t.services.incidents.open(TENANT, 0, 1000)).toHaveLength(hostile.length);
    const longest = await h.t.services.incidents.get(TENANT, `h${hostile.indexOf("x".repeat(100_000))}`);
    expect(longest?.description.length).toBe(4096);
    expect(longest?.displayName.length).toBe(512);

    const rows = await outboxRows(h.t);
    expect(rows.filter((r) => r.op === "post")).toHaveLength(hostile.length);
    for (const row of rows) {
      expect(links(row.reply)).toEqual([]);
      expect(spansOf(row.reply).filter((s) => typeof s === "object" && "mention" in s)).toEqual([]);
      const printed = replyToConsole(row.reply).text;
      expect(printed).not.toMatch(/[\u001b\u0007\u202e\u2066\u0000]/);
      expect(printed.length).toBeLessThan(20_000);
    }
  });

  it("keeps unknown enum values as they are, fills missing fields, and skips records without an id", async () => {
    h = await graphHarness();
    const at = "2026-11-28T08:00:00Z";
    h.fake.routes.put(
      graphIncident(
        "501",
        at,
        at,
        {
          severity: "Catastrophic",
          status: "PendingReview",
          classification: "TruePositive",
          incidentWebUrl: "https://security.microsoft.com/incidents/501",
        },
        [graphAlert("x1", at, { serviceSource: "microsoftSentinel", detectionSource: "SomethingNew" })],
      ),
    );
    h.fake.routes.incidents.set("502", { id: "502", lastUpdateDateTime: at, severity: 3, alerts: "nope" });
    h.fake.routes.incidents.set("", {
      id: null,
      displayName: "no id",
      lastUpdateDateTime: "2026-11-28T08:00:00Z",
      createdDateTime: at,
    });
    expect((await h.sync()).error).toBeUndefined();

    const odd = await h.t.services.incidents.get(TENANT, "501");
    expect([odd?.severity, odd?.status, odd?.classification]).toEqual([
      "Catastrophic",
      "PendingReview",
      "truePositive",
    ]);
    expect([odd?.alerts[0]?.serviceSource, odd?.alerts[0]?.detectionSource]).toEqual([
      "microsoftSentinel",
      "SomethingNew",
    ]);
    expect(odd?.webUrl).toBe("https://security.microsoft.com/incidents/501");
    const card = h.t.text(await h.t.run("incident 501"));
    expect(card).toContain("Severity: catastrophic");
    expect(card).toContain("Microsoft Sentinel");
    const bare = await h.t.services.incidents.get(TENANT, "502");
    expect([bare?.displayName, bare?.severity, bare?.status, bare?.createdAt, bare?.alerts]).toEqual([
      "Incident 502",
      "unknown",
      "unknown",
      null,
      [],
    ]);
    expect((await h.t.services.incidents.open(TENANT)).map((i) => i.id).sort()).toEqual(["501", "502"]);
  });
});
