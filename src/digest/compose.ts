/** Gathers a conversation's digest from storage and builds the card (shared by the job and `digest preview`). */
import type { Card } from "../core/reply.js";
import type { Services } from "../core/services.js";
import { todayIn } from "../domain/dates.js";
import { digestCard, type AreaCount } from "../domain/digest.js";
import { chartDataUri } from "../charts/render.js";
import { progressChart } from "../charts/progress-chart.js";
import { areaStatusCounts } from "../reports/series.js";
import { digestFacts } from "../domain/digest-facts.js";
import type { Task } from "../domain/task.js";
import type { DigestTarget } from "../storage/repositories/digest-repository.js";
import { coverageLine, loadTeamCoverage } from "../training/coverage.js";

/** What to compose: for whom, in which timezone and week, and whether to draw the chart. */
export interface DigestRequest {
  target: DigestTarget;
  timezone: string;
  week: string;
  now: Date;
  images: boolean;
}

/** The reporting period: the 7 days up to the digest's moment. */
export const PERIOD_MS = 7 * 24 * 60 * 60 * 1000;

/** The card and the snapshot to store with it. */
export function composeDigest(services: Services, req: DigestRequest): { card: Card; snapshot: AreaCount[] } {
  const { target, now, timezone } = req;
  const tasks = services.tasks.all(target.workspace);
  const areas = services.plan.areas.map((a) => {
    const mine = tasks.filter((t) => t.area === a.id);
    return { id: a.id, name: a.name, done: mine.filter((t) => t.status === "done").length, total: mine.length };
  });
  const from = new Date(now.getTime() - PERIOD_MS);
  const previous = services.digests.previous(target, req.week);
  const today = todayIn(timezone, now);
  const alerts = services.alertStats.weekStats(target.workspace, from, now);
  const card = digestCard({
    week: req.week,
    from: todayIn(timezone, from),
    to: today,
    timezone,
    areas,
    ...(previous ? { previous } : {}),
    facts: digestFacts(tasks, services.digests.completions(target.workspace, from, now), today),
    ...(alerts ? { alerts } : {}),
    skills: coverageLine(loadTeamCoverage(services, services.people.all(target.workspace), target.workspace)),
    ...(req.images ? digestChart(services, tasks, previous) : {}),
  });
  return { card, snapshot: areas.map(({ id, done, total }) => ({ id, done, total })) };
}

/** The stage progress chart with last week's done counts marked, as the digest carries it. */
function digestChart(services: Services, tasks: readonly Task[], previous: readonly AreaCount[] | undefined) {
  const chart = progressChart(areaStatusCounts(services, tasks), new Map(previous?.map((p) => [p.id, p.done])));
  return { chart: chartDataUri(chart), chartAlt: chart.alt };
}
