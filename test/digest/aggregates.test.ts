import { afterEach, describe, expect, it } from "vitest";
import { progressChart } from "../../src/charts/progress-chart.js";
import { composeDigest, digestRun, PERIOD_MS, type DigestRequest } from "../../src/digest/compose.js";
import { todayIn } from "../../src/domain/dates.js";
import { digestCard } from "../../src/digest/card.js";
import { digestFacts } from "../../src/digest/facts.js";
import { countsInProgress } from "../../src/domain/task.js";
import { loadTeamCoverage, coverageLine } from "../../src/training/coverage.js";
import { areaStatusCounts } from "../../src/reports/series.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { periodWeek } from "../../src/digest/schedule.js";

let t: TestBot;
afterEach(() => t.close());

const NOW = "2026-03-23T08:00:00Z";

/** The digest the way it was first computed: every task of the workspace loaded and counted in memory. */
async function slowDigest(req: DigestRequest) {
  const { services } = t;
  const tasks = await services.tasks.all(req.target.workspace);
  const areas = services.plan.areas.map((a) => {
    const mine = tasks.filter((task) => task.area === a.id && countsInProgress(task));
    return { id: a.id, name: a.name, done: mine.filter((x) => x.status === "done").length, total: mine.length };
  });
  const from = new Date(req.now.getTime() - PERIOD_MS);
  const today = todayIn(req.timezone, req.now);
  const previous = await services.digests.previous(req.target, req.week);
  const chart = await progressChart(areaStatusCounts(services, tasks), new Map(previous?.map((p) => [p.id, p.done])));
  const completions = await services.digests.completions(req.target.workspace, from, req.now);
  const alerts = await services.alertStats.weekStats(req.target.workspace, from, req.now);
  const people = await services.people.all(req.target.workspace);
  const card = digestCard({
    week: periodWeek(from, req.now, req.timezone),
    from: todayIn(req.timezone, from),
    to: today,
    timezone: req.timezone,
    areas,
    ...(previous ? { previous } : {}),
    facts: digestFacts(tasks, completions, today),
    ...(alerts ? { alerts } : {}),
    skills: coverageLine(await loadTeamCoverage(services, people, req.target.workspace)),
  });
  return { card, png: chart.png.toString("base64") };
}

/** A workspace with tasks in every state: owned or not, due in the past, soon and later, blocked, skipped, removed and done. */
async function seededTeam(): Promise<void> {
  t = await createTestBot({ now: "2026-03-10T10:00:00Z" });
  for (const name of ["dana", "lee", "sam"]) await t.run(`role @${name} analyst`);
  await t.run("subscribe digest");
  const people = await t.services.people.all(t.workspace);
  const tasks = await t.services.tasks.all(t.workspace);
  const at = new Date("2026-03-10T10:00:00Z");
  for (let i = 0; i < 60; i++) {
    const area = t.services.plan.areas[i % t.services.plan.areas.length];
    if (area) await t.services.tasks.addCustom(t.workspace, area.id, "Own work", `Own task ${i}`, at);
  }
  const all = [...tasks, ...(await t.services.tasks.all(t.workspace)).filter((x) => x.custom)];
  for (const [i, task] of all.entries()) {
    const owner = i % 4 === 0 ? null : (people[i % people.length]?.id ?? null);
    const due = i % 3 === 0 ? null : `2026-03-${String(10 + (i % 20)).padStart(2, "0")}`;
    const status = (["open", "in_progress", "blocked", "open", "done"] as const)[i % 5] ?? "open";
    await t.services.tasks.update(
      t.workspace,
      task.id,
      {
        ownerId: owner,
        dueDate: due,
        status,
        ...(status === "blocked"
          ? { blockedReason: `waiting ${i}`, blockedAt: `2026-03-${10 + (i % 9)}T09:00:00Z` }
          : {}),
        ...(i % 11 === 0 ? { skipReason: "not applicable here" } : {}),
        ...(task.custom && i % 13 === 0 ? { removedAt: at.toISOString() } : {}),
      },
      at,
    );
  }
  t.clock.set("2026-03-18T10:00:00Z");
  for (const task of all.filter((_, i) => i % 7 === 1).slice(0, 12)) await t.run(`done ${task.id}`, "dana");
}

describe("digest numbers from SQL aggregates", () => {
  it("equal those counted from every task, list for list, with the same chart", async () => {
    await seededTeam();
    t.clock.set(NOW);
    const req: DigestRequest = {
      target: { workspace: t.workspace, platform: "console", conversationId: "C1" },
      timezone: "Europe/Berlin",
      week: "2026-W13",
      now: t.clock.now(),
      images: false,
    };
    const fast = await composeDigest(t.services, req);
    const slow = await slowDigest(req);
    expect(fast.card).toEqual(slow.card);
    expect(fast.file?.base64).toBe(slow.png);
    const text = JSON.stringify(fast.card);
    for (const heading of ["Blocked", "Overdue", "Due in the next 7 days", "No owner", "Completed this week"])
      expect(text, `${heading} lists something`).toMatch(new RegExp(`${heading} \\([1-9]\\d*\\)`));
  });

  it("composes the digests of one run from one reading of the workspace and still gives each channel its own change", async () => {
    await seededTeam();
    t.clock.set(NOW);
    const run = digestRun();
    const req = (conversationId: string): DigestRequest => ({
      target: { workspace: t.workspace, platform: "console", conversationId },
      timezone: "UTC",
      week: "2026-W13",
      now: t.clock.now(),
      images: false,
    });
    await t.services.digests.save(req("C2").target, "2026-W12", [{ id: "S1", done: 0, total: 1 }], t.clock.now());
    const first = await composeDigest(t.services, req("C1"), run);
    const second = await composeDigest(t.services, req("C2"), run);
    expect(first.snapshot).toEqual(second.snapshot);
    expect(JSON.stringify(first.card)).toContain("first digest");
    expect(JSON.stringify(second.card)).toContain("since last week");
    expect(first.card).toEqual((await slowDigest(req("C1"))).card);
    expect(second.card).toEqual((await slowDigest(req("C2"))).card);
  });
});
