/**
 * Teams refuses a card with an empty TextRun. Incidents from a real Graph source carry empty
 * strings (an alert without a title, an empty description, no category): the rendered card never
 * contains a TextRun whose text is empty.
 */
import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/teams/render.js";
import { incidentCard } from "../../src/alerts/incident-card.js";
import { mapIncident } from "../../src/alerts/mapper.js";
import type { GraphIncident } from "../../src/alerts/alert-source.js";
import { graphAlert, graphIncident } from "../fakes/graph-data.js";

function emptyRuns(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(emptyRuns);
  if (!node || typeof node !== "object") return [];
  const o = node as Record<string, unknown>;
  const own = o.type === "TextRun" && o.text === "" ? [o] : [];
  return [...own, ...Object.values(o).flatMap(emptyRuns)];
}

describe("empty spans", () => {
  it("renders an incident whose Graph strings are empty without an empty TextRun", () => {
    const blank = { title: "", description: "", category: "", mitreTechniques: [] };
    const raw = graphIncident(
      "7001",
      "2026-11-27T08:00:00Z",
      "2026-11-27T09:00:00Z",
      { description: "", displayName: "Incident 7001" },
      [graphAlert("da1", "2026-11-27T08:00:00Z", blank), graphAlert("da2", "2026-11-27T08:30:00Z", blank)],
    );
    const incident = mapIncident(raw as unknown as GraphIncident, "tenant-1");
    expect(incident).not.toBeNull();
    const message = renderReply({
      kind: "card",
      visibility: "conversation",
      card: incidentCard(incident!, [], "graph"),
    });
    expect(emptyRuns(message)).toEqual([]);
  });

  it("leaves out empty spans of any text, and names an untitled list row", () => {
    const message = renderReply({
      kind: "card",
      visibility: "conversation",
      card: {
        title: "T",
        blocks: [
          { type: "text", spans: ["", { bold: "" }, { code: "" }, "kept"] },
          { type: "list", items: [{ label: "", detail: "" }] },
        ],
      },
    });
    expect(emptyRuns(message)).toEqual([]);
    expect(JSON.stringify(message)).toContain("(untitled)");
  });
});
