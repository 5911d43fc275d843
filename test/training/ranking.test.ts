import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/storage/project-root.js";
import { computeGaps, type GapInputs } from "../../src/training/gaps.js";
import { buildCatalog, catalogSchema } from "../../src/training/catalog.js";
import { loadTrainingCatalog } from "../../src/training/load-catalog.js";
import { rankModules, type RankingHistory } from "../../src/training/ranking.js";

const catalog = loadTrainingCatalog();
const shipped = catalogSchema.parse(
  JSON.parse(readFileSync(join(projectRoot(), "src", "data", "training.json"), "utf8")),
);

/** A catalog with the shipped skills and modules made for these tests, so every expectation follows from the rules. */
function testCatalog() {
  const module = (id: string, skills: string[], minutes: number) => ({
    id,
    title: id,
    description: id,
    link: `/training/${id}`,
    kind: "module" as const,
    minutes,
    skills,
    stages: ["S1" as const],
  });
  return buildCatalog({
    ...shipped,
    modules: [
      module("identity-long", ["identity"], 90),
      module("identity-short", ["identity"], 30),
      module("identity-email-siem", ["identity", "email", "siem"], 20),
      module("identity-email", ["identity", "email"], 60),
      module("intel-only", ["intel"], 30),
      module("iot-only", ["iot"], 30),
    ],
  });
}
const made = testCatalog();
const now = new Date("2026-12-01T10:00:00Z");
const NUDGE = { limit: 2, perGap: 2, maxGaps: 1 };

function gaps(over: Partial<GapInputs>) {
  return computeGaps({
    catalog: made,
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
  it("suggests the most focused modules for the largest gap, the shorter first", () => {
    const ranked = rankModules(made, gaps({ workload: new Map([["identity", 6]]) }), history(), NUDGE);
    expect(ids(ranked)).toEqual(["identity-short", "identity-long"]);
    expect(ranked.every((r) => r.gap.skill === "identity")).toBe(true);
  });

  it("prefers a module that also closes the person's other gaps, then the one with fewer skills beside them", () => {
    const g = gaps({
      workload: new Map([["identity", 6]]),
      needs: new Map([["email", 2]]),
    });
    expect(ids(rankModules(made, g, history(), NUDGE))).toEqual(["identity-email", "identity-email-siem"]);
  });

  it("skips completed, dismissed and still-snoozed modules; an expired snooze suggests again", () => {
    const g = gaps({ workload: new Map([["identity", 6]]) });
    const hidden = history({
      completed: new Set(["identity-short"]),
      suppressions: [
        { moduleId: "identity-long", kind: "snooze", until: "2026-12-10T00:00:00.000Z" },
        { moduleId: "identity-email", kind: "dismiss", until: null },
      ],
    });
    expect(ids(rankModules(made, g, hidden, NUDGE))).toEqual(["identity-email-siem"]);
    const later = { ...hidden, now: new Date("2026-12-11T00:00:00Z") };
    expect(ids(rankModules(made, g, later, NUDGE))).toEqual(["identity-long", "identity-email-siem"]);
  });

  it("moves to the next gap when nothing is left for the largest one", () => {
    const g = gaps({ workload: new Map([["iot", 9]]), needs: new Map([["intel", 2]]) });
    const dismissed = history({ suppressions: [{ moduleId: "iot-only", kind: "dismiss", until: null }] });
    const ranked = rankModules(made, g, dismissed, NUDGE);
    expect(ranked.map((r) => [r.gap.skill, r.module.id])).toEqual([["intel", "intel-only"]]);
  });

  it("on demand walks several gaps, largest first, within the limit", () => {
    const g = computeGaps({
      catalog,
      role: "analyst",
      ratings: new Map(),
      workloadDays: 30,
      startedStages: [],
      completed: new Set(),
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
