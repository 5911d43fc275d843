import { describe, expect, it } from "vitest";
import { computeGaps, type GapInputs } from "../../src/training/gaps.js";
import { loadTrainingCatalog } from "../../src/training/load-catalog.js";
import { headline } from "../../src/training/reasons.js";

const catalog = loadTrainingCatalog();

function inputs(over: Partial<GapInputs> = {}): GapInputs {
  return {
    catalog,
    role: "analyst",
    ratings: new Map(),
    needs: new Map(),
    workload: new Map(),
    workloadDays: 30,
    startedStages: [],
    completed: new Set(),
    ...over,
  };
}

describe("gap computation", () => {
  it("finds no gap when nothing is required, nothing handled and no stage started", () => {
    expect(computeGaps(inputs())).toEqual([]);
  });

  it("signal 1: a self-rating below the role's need is a gap, at or above is not", () => {
    const gaps = computeGaps(
      inputs({
        ratings: new Map([
          ["hunting", 1],
          ["identity", 4],
        ]),
        needs: new Map([
          ["hunting", 3],
          ["identity", 3],
        ]),
      }),
    );
    expect(gaps.map((g) => g.skill)).toEqual(["hunting"]);
    expect(gaps[0]?.reasons).toEqual([{ kind: "rating", have: 1, need: 3, role: "analyst" }]);
    expect(headline(catalog, gaps[0]!)).toBe("you rated yourself 1 in Threat hunting and the analyst role needs 3");
  });

  it("signal 1: an unrated skill counts as 0", () => {
    const gaps = computeGaps(inputs({ needs: new Map([["siem", 2]]) }));
    expect(gaps[0]?.reasons[0]).toMatchObject({ kind: "rating", have: 0, need: 2 });
  });

  it("signal 2: incidents handled in a skill area are a gap until a module in it is completed", () => {
    const workload = new Map([["identity", 6]]);
    const before = computeGaps(inputs({ workload }));
    expect(before.map((g) => g.skill)).toEqual(["identity"]);
    expect(headline(catalog, before[0]!)).toBe("you handled 6 incidents touching Identity in the last 30 days");
    expect(computeGaps(inputs({ workload, completed: new Set(["mdi-docs"]) }))).toEqual([]);
  });

  it("signal 3: a started stage needs its skills; a stage not started needs nothing", () => {
    const gaps = computeGaps(inputs({ startedStages: ["S3"] }));
    expect(gaps.map((g) => g.skill).sort()).toEqual(["hunting", "iot", "siem"]);
    expect(headline(catalog, gaps[0]!)).toMatch(/^Stage 3 has started and needs .* skills \(level 3\)$/);
  });

  it("signal 3: a stage skill is covered by a rating at the stage level or by training in it", () => {
    const gaps = computeGaps(
      inputs({ startedStages: ["S3"], ratings: new Map([["iot", 3]]), completed: new Set(["sentinel-connect-xdr"]) }),
    );
    expect(gaps.map((g) => g.skill)).toEqual(["hunting"]);
  });

  it("orders gaps by weight: six incidents outweigh a one-level rating gap and a stage need", () => {
    const gaps = computeGaps(
      inputs({
        workload: new Map([["email", 6]]),
        ratings: new Map([["hunting", 2]]),
        needs: new Map([["hunting", 3]]),
        startedStages: ["S4"],
      }),
    );
    expect(gaps[0]?.skill).toBe("email");
    expect(gaps.map((g) => g.skill)).toEqual(["email", "hunting", "intel", "automation"]);
  });

  it("adds the signals of one skill together", () => {
    const gaps = computeGaps(
      inputs({
        workload: new Map([["cloud", 1]]),
        needs: new Map([
          ["cloud", 2],
          ["iot", 2],
        ]),
        startedStages: ["S2"],
      }),
    );
    expect(gaps[0]?.skill).toBe("cloud");
    expect(gaps[0]?.reasons.map((r) => r.kind)).toEqual(["rating", "workload", "stage"]);
  });
});
