/** Suggestions prefer modules of the stage the team is in (the earliest stage with work still to do). */
import { afterEach, describe, expect, it } from "vitest";
import { computeGaps } from "../../src/training/gaps.js";
import { loadTrainingCatalog } from "../../src/training/load-catalog.js";
import { rankModules } from "../../src/training/ranking.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

const catalog = loadTrainingCatalog();
const now = new Date("2026-12-01T10:00:00Z");
const LIMITS = { limit: 1, perGap: 1, maxGaps: 1 };
const history = { completed: new Set<string>(), suppressions: [], now };
const ratingGap = (skill: string) =>
  computeGaps({
    catalog,
    role: "analyst",
    ratings: new Map(),
    needs: new Map([[skill, 3]]),
    workload: new Map(),
    workloadDays: 30,
    startedStages: [],
    completed: new Set(),
  });

/** Skills and stages where the stage's module would not win without the preference (found in the catalog, not copied from output). */
function contestedCases(): { skill: string; stage: string }[] {
  const cases = catalog.skills.flatMap(({ id: skill }) => {
    const [plain] = rankModules(catalog, ratingGap(skill), history, LIMITS);
    return Object.keys(catalog.stageSkills)
      .filter((stage) => catalog.modules.some((m) => m.skills.includes(skill) && m.stages.includes(stage)))
      .filter((stage) => plain && !plain.module.stages.includes(stage))
      .map((stage) => ({ skill, stage }));
  });
  if (cases.length === 0) throw new Error("the catalog has no skill whose best module is outside a stage training it");
  return cases;
}

/** The contested case of the latest stage, so the stages before it must be done for it to be current. */
function contestedCase(): { skill: string; stage: string } {
  const cases = contestedCases().sort((a, b) => (a.stage < b.stage ? 1 : a.stage > b.stage ? -1 : 0));
  return cases[0] ?? { skill: "", stage: "" };
}

let t: TestBot | undefined;
afterEach(() => t?.close());

describe("the team's current stage in suggestions", () => {
  it.each(contestedCases())(
    "ranks a $stage module first for an equal $skill gap when $stage is current",
    ({ skill, stage }) => {
      const gaps = ratingGap(skill);
      const [plain] = rankModules(catalog, gaps, history, LIMITS);
      const [preferred] = rankModules(catalog, gaps, history, LIMITS, stage);
      expect(plain?.inCurrentStage).toBe(false);
      expect(preferred?.module.stages).toContain(stage);
      expect(preferred?.inCurrentStage).toBe(true);
      expect(preferred?.module.skills).toContain(skill);
      const inStage = catalog.modules.filter((m) => m.skills.includes(skill) && m.stages.includes(stage));
      const shortest = Math.min(...inStage.map((m) => m.minutes));
      expect(preferred?.module.minutes).toBe(shortest);
    },
  );

  it("train: with the earlier stages done, a gap is closed with a module of the next stage and the reason says so", async () => {
    const { skill, stage } = contestedCase();
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    const bot = t;
    await bot.run("role @dana analyst");
    const others = catalog.skills.filter((s) => s.id !== skill).map((s) => `${s.id} 5`);
    await bot.run(`skills set ${others.join(" ")} ${skill} 1`, "dana");
    await bot.run(`skills require analyst ${skill} 3`);
    const earlier = Object.keys(catalog.stageSkills)
      .sort()
      .filter((s) => s < stage);
    for (const task of await bot.services.tasks.all(bot.workspace))
      if (earlier.includes(task.area)) await bot.run(`done ${task.id}`);

    const reply = bot.text(await bot.run("train", "dana"));
    const expected = rankModules(catalog, ratingGap(skill), history, LIMITS, stage)[0]?.module;
    const stageWords = `it is a Stage ${stage.slice(1)} module, the stage the team is in`;
    expect(reply).toContain(stageWords);
    const titles = catalog.modules
      .filter((m) => reply.includes(m.title))
      .sort((a, b) => reply.indexOf(a.title) - reply.indexOf(b.title));
    expect(titles[0]?.id).toBe(expected?.id);
    expect(stage > "S1").toBe(true);
    expect(reply.indexOf(stageWords)).toBeLessThan(reply.indexOf(expected?.title ?? "∅"));
  });
});
