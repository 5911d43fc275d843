/** Gathers a conversation's digest from storage and builds the card (shared by the job and `digest preview`). */
import type { Card, OutgoingFile } from "../core/reply.js";
import type { Services } from "../app/services.js";
import { todayIn } from "../domain/dates.js";
import { periodWeek } from "./schedule.js";
import { digestCard, type AreaCount } from "./card.js";
import { chartDataUri } from "../charts/render.js";
import { progressChart } from "../charts/progress-chart.js";
import { areaStatusCounts } from "../reports/series.js";
import { digestFacts } from "./facts.js";
import { countsInProgress } from "../domain/task.js";
import type { DigestTarget } from "../storage/repositories/digest-repository.js";
import { coverageLine, loadTeamCoverage } from "../training/coverage.js";

/** What to compose: for whom, in which timezone and delivery week (snapshots are kept per delivery week), and whether to draw the chart. */
export interface DigestRequest {
  target: DigestTarget;
  timezone: string;
  week: string;
  now: Date;
  images: boolean;
}

/** The reporting period: the 7 days up to the digest's moment. */
export const PERIOD_MS = 7 * 24 * 60 * 60 * 1000;

/** The card, the snapshot to store with it, and the chart as a file where cards carry no images. */
export async function composeDigest(
  services: Services,
  req: DigestRequest,
): Promise<{ card: Card; snapshot: AreaCount[]; file?: OutgoingFile }> {
  const { target, now, timezone } = req;
  const tasks = await services.tasks.all(target.workspace);
  const areas = services.plan.areas.map((a) => {
    const mine = tasks.filter((t) => t.area === a.id && countsInProgress(t));
    return { id: a.id, name: a.name, done: mine.filter((t) => t.status === "done").length, total: mine.length };
  });
  const from = new Date(now.getTime() - PERIOD_MS);
  const previous = await services.digests.previous(target, req.week);
  const chart = progressChart(areaStatusCounts(services, tasks), new Map(previous?.map((p) => [p.id, p.done])));
  const today = todayIn(timezone, now);
  const alerts = await services.alertStats.weekStats(target.workspace, from, now);
  const completions = await services.digests.completions(target.workspace, from, now);
  const coverage = await loadTeamCoverage(services, await services.people.all(target.workspace), target.workspace);
  const card = digestCard({
    week: periodWeek(from, now, timezone),
    from: todayIn(timezone, from),
    to: today,
    timezone,
    areas,
    ...(previous ? { previous } : {}),
    facts: digestFacts(tasks, completions, today),
    ...(alerts ? { alerts } : {}),
    skills: coverageLine(coverage),
    ...(req.images ? { chart: chartDataUri(chart), chartAlt: chart.alt } : {}),
  });
  const snapshot = areas.map(({ id, done, total }) => ({ id, done, total }));
  if (req.images) return { card, snapshot };
  const file = {
    name: `progress-${req.week}.png`,
    mimeType: "image/png",
    base64: chart.png.toString("base64"),
    title: "Stage progress",
    alt: chart.alt,
  };
  return { card, snapshot, file };
}
