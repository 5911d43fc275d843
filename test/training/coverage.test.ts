import { afterEach, describe, expect, it } from "vitest";
import { computeCoverage, coverageLine, loadTeamCoverage } from "../../src/training/coverage.js";
import { loadTrainingCatalog } from "../../src/training/load-catalog.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { analysts } from "./team-setup.js";

const catalog = loadTrainingCatalog();
let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("team skills", () => {
  it("shows each member's levels with gaps marked and the started stage's skills nobody covers", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await analysts(t, "dana", "eli");
    await t.run("skills require analyst hunting 3");
    await t.run("skills set hunting 1 iot 4", "dana");
    await t.run("skills set hunting 3", "eli");
    await t.run("trained sentinel-connect-xdr", "eli");
    await t.run("start S3-1");
    const text = t.text(await t.run("team skills"));
    expect(text).toMatch(/dana \(analyst\) · 1 below need \| .*iot 4 · siem – · hunting 1 \(needs 3\)/);
    expect(text).toMatch(/eli \(analyst\) \| .*hunting 3 ·/);
    expect(text).toContain("Started: Stage 3.");
    expect(text).not.toContain("Nobody covers");
    expect(text).toContain("Every started stage's skills are covered by someone.");
    await t.run("skills set iot 2", "dana");
    const after = t.text(await t.run("team skills"));
    expect(after).toContain("Nobody covers:");
    expect(after).toContain("Stage 3 | IoT and OT");
  });

  it("is for leads and admins only", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await analysts(t, "dana");
    expect(t.text(await t.run("team skills", "dana"))).toContain("needs a lead or an admin");
    expect(t.text(await t.run("team roster"))).toContain('"roster" is not a team view; use skills.');
  });

  it("gives the digest one line that loads from storage", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await analysts(t, "dana", "eli");
    await t.run("skills require analyst siem 2");
    await t.run("skills set siem 2", "eli");
    await t.run("start S4-1");
    const line = coverageLine(
      await loadTeamCoverage(t.services, await t.services.people.all(t.workspace), t.workspace),
    );
    expect(line).toBe(
      "Skills: 1 of 3 people are below their role's skill needs; nobody covers Threat intelligence, Automation (Stage 4).",
    );
  });
});

describe("coverageLine", () => {
  const member = (
    name: string,
    ratings: [string, number][],
    needs: [string, number][] = [],
    completed: string[] = [],
  ) => ({
    person: { displayName: name, role: "analyst" as const },
    ratings: new Map(ratings),
    needs: new Map(needs),
    completed: new Set(completed),
  });

  it("says when everyone meets their needs and every started stage is covered", () => {
    const c = computeCoverage(
      catalog,
      [member("a", [["cloud", 3]], [["cloud", 2]]), member("b", [["incident-response", 5]])],
      ["S2"],
    );
    expect(coverageLine(c)).toBe("Skills: everyone meets their role's skill needs; every started stage is covered.");
  });

  it("says when no stage has started, and when nobody is on the team", () => {
    expect(coverageLine(computeCoverage(catalog, [member("a", [["cloud", 2]])], []))).toBe(
      "Skills: everyone meets their role's skill needs; no stage has started.",
    );
    expect(coverageLine(computeCoverage(catalog, [member("a", [])], []))).toBe(
      "Skills: nobody has rated themselves yet (skills set hunting 2); no stage has started.",
    );
    expect(coverageLine(computeCoverage(catalog, [], ["S1"]))).toBe("Skills: nobody is on the team yet.");
  });

  it("counts training as covering a stage skill and lists the rest per stage", () => {
    const c = computeCoverage(
      catalog,
      [member("a", [["hunting", 1]], [["hunting", 2]], ["mdiot-intro"])],
      ["S3", "S4"],
    );
    expect(coverageLine(c)).toBe(
      "Skills: 1 of 1 person is below their role's skill needs; nobody covers SIEM (Microsoft Sentinel), Threat hunting (Stage 3); Threat intelligence, Automation (Stage 4).",
    );
  });
});
