import { describe, expect, it } from "vitest";
import { computeGaps, type GapInputs } from "../../src/training/gaps.js";
import { loadTrainingCatalog } from "../../src/training/load-catalog.js";
import { rankModules, type RankingHistory } from "../../src/training/ranking.js";

const catalog = loadTrainingCatalog();
const now = new Date("2026-12-01T10:00:00Z");
const NUDGE = { limit: 2, perGap: 2, maxGaps: 1 };

function gaps(over: Partial<GapInputs>) {
  return computeGaps({
    catalog,
    role: "analyst",
    ratings: new Map(),
    needs: new Map(),
    workload: new Map(),
    workloadDays: 30,
    startedStages: [],
    completed: new Set(),
    ...over,
  });
}
function history(over: Partial<RankingHistory> = {}): RankingHistory {
  return { completed: new Set(), suppressions: [], now, ...over };
}
const ids = (list: { module: { id: string } }[]) => list.map((r) => r.module.id);

describe("ranking", () => {
  it("suggests the two most focused, shortest modules for the largest gap", () => {
    const g = gaps({
      workload: new Map([["identity", 6]]),
      needs: new Map([["hunting", 3]]),
      ratings: new Map([["hunting", 2]]),
    });
    const ranked = rankModules(catalog, g, history(), NUDGE);
    expect(ids(ranked)).toEqual(["entra-id-protection-docs", "mdi-docs"]);
    expect(ranked.every((r) => r.gap.skill === "identity")).toBe(true);
  });

  it("prefers a module that also closes the person's other gaps", () => {
    const g = gaps({ startedStages: ["S1"] });
    expect(ids(rankModules(catalog, g, history(), NUDGE))).toEqual(["xdr-mitigate-incidents", "sc200-xdr-path"]);
  });

  it("skips completed, dismissed and still-snoozed modules; an expired snooze suggests again", () => {
    const g = gaps({ workload: new Map([["identity", 6]]) });
    const hidden = history({
      completed: new Set(["entra-id-protection-docs"]),
      suppressions: [
        { moduleId: "mdi-docs", kind: "snooze", until: "2026-12-10T00:00:00.000Z" },
        { moduleId: "xdr-mitigate-incidents", kind: "dismiss", until: null },
      ],
    });
    expect(ids(rankModules(catalog, g, hidden, NUDGE))).toEqual(["sc200-xdr-path"]);
    const later = { ...hidden, now: new Date("2026-12-11T00:00:00Z") };
    expect(ids(rankModules(catalog, g, later, NUDGE))).toEqual(["mdi-docs", "sc200-xdr-path"]);
  });

  it("moves to the next gap when nothing is left for the largest one", () => {
    const g = gaps({ workload: new Map([["iot", 9]]), needs: new Map([["intel", 2]]) });
    const everyIot = catalog.modules
      .filter((m) => m.skills.includes("iot"))
      .map((m) => ({ moduleId: m.id, kind: "dismiss" as const, until: null }));
    const ranked = rankModules(catalog, g, history({ suppressions: everyIot }), NUDGE);
    expect(ranked.map((r) => r.gap.skill)).toEqual(["intel", "intel"]);
  });

  it("on demand walks several gaps, largest first, within the limit", () => {
    const g = gaps({
      workload: new Map([["email", 5]]),
      needs: new Map([
        ["siem", 2],
        ["automation", 1],
      ]),
    });
    const ranked = rankModules(catalog, g, history(), { limit: 5, perGap: 2, maxGaps: 3 });
    expect(ranked.map((r) => r.gap.skill)).toEqual(["email", "email", "siem", "siem", "automation"]);
    expect(new Set(ids(ranked)).size).toBe(5);
  });
});
