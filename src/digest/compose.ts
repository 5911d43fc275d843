/** Gathers a conversation's digest from storage and builds the card (shared by the job and `digest preview`). */
import type { Card, OutgoingFile } from "../core/reply.js";
import type { Services } from "../app/services.js";
import { addDays, todayIn } from "../domain/dates.js";
import { periodWeek } from "./schedule.js";
import { digestCard, LIST_LIMIT, type AreaCount } from "./card.js";
import type { AlertWeekStats } from "../domain/alert-stats.js";
import { chartDataUri, type Chart } from "../charts/render.js";
import { progressChart } from "../charts/progress-chart.js";
import type { AreaStatusCounts } from "../charts/progress-chart.js";
import {
  blockedFacts,
  completedFacts,
  dueSoonFacts,
  DUE_SOON_DAYS,
  overdueFacts,
  unownedFacts,
  type DigestFacts,
} from "./facts.js";
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

/** What every digest of a workspace shares on one day of one run: computed once, however many channels subscribe. */
interface WorkspaceDigest {
  areas: (AreaCount & { name: string })[];
  statusCounts: AreaStatusCounts[];
  facts: DigestFacts;
  alerts: AlertWeekStats | undefined;
  skills: string;
  /** The progress chart per distinct previous-week snapshot: channels that compare with the same week share one. */
  charts: Map<string, Promise<Chart>>;
}

/** A digest run's shared work, by workspace, period and day; pass one to each composeDigest of a run. */
export type DigestRun = Map<string, Promise<WorkspaceDigest>>;

/** A new, empty digest run. */
export function digestRun(): DigestRun {
  return new Map();
}

/** The workspace's numbers from SQL aggregates, and only the first rows of each list the digest shows. */
async function workspaceDigest(
  services: Services,
  workspace: string,
  from: Date,
  now: Date,
  today: string,
): Promise<WorkspaceDigest> {
  const horizon = addDays(today, DUE_SOON_DAYS);
  const rows = await services.tasks.areaNumbers(workspace, today, horizon);
  const numbers = new Map(rows.map((n) => [n.area, n]));
  const of = (area: string) => numbers.get(area);
  const sum = (pick: (n: (typeof rows)[number]) => number) => rows.reduce((all, n) => all + pick(n), 0);
  const areas = services.plan.areas.map((a) => ({
    id: a.id,
    name: a.name,
    done: of(a.id)?.countedDone ?? 0,
    total: of(a.id)?.counted ?? 0,
  }));
  const statusCounts = services.plan.areas.map((a) => ({
    id: a.id,
    name: a.name,
    done: of(a.id)?.done ?? 0,
    inProgress: of(a.id)?.inProgress ?? 0,
    blocked: of(a.id)?.blocked ?? 0,
    skipped: of(a.id)?.skipped ?? 0,
    notStarted: of(a.id)?.open ?? 0,
  }));
  const completions = await services.digests.completions(workspace, from, now);
  const completedTasks = await services.tasks.byIds(
    workspace,
    completions.map((c) => c.taskId),
  );
  const lists = await services.tasks.digestLists(workspace, today, horizon, LIST_LIMIT);
  const facts: DigestFacts = {
    blocked: blockedFacts(lists.blocked, today),
    completed: completedFacts(completedTasks, completions),
    overdue: overdueFacts(lists.overdue, today),
    dueSoon: dueSoonFacts(lists.dueSoon, today),
    unowned: unownedFacts(lists.unowned),
    totals: {
      blocked: sum((n) => n.blocked),
      overdue: sum((n) => n.overdue),
      dueSoon: sum((n) => n.dueSoon),
      unowned: sum((n) => n.noOwner),
    },
  };
  const alerts = await services.alertStats.weekStats(workspace, from, now);
  const coverage = await loadTeamCoverage(services, await services.people.all(workspace), workspace);
  return { areas, statusCounts, facts, alerts, skills: coverageLine(coverage), charts: new Map() };
}

/** The card, the snapshot to store with it, and the chart as a file where cards carry no images. */
export async function composeDigest(
  services: Services,
  req: DigestRequest,
  run: DigestRun = digestRun(),
): Promise<{ card: Card; snapshot: AreaCount[]; file?: OutgoingFile }> {
  const { target, now, timezone } = req;
  const from = new Date(now.getTime() - PERIOD_MS);
  const today = todayIn(timezone, now);
  const key = [target.workspace, from.toISOString(), now.toISOString(), today].join("\u0000");
  let shared = run.get(key);
  if (!shared) run.set(key, (shared = workspaceDigest(services, target.workspace, from, now, today)));
  const { areas, statusCounts, facts, alerts, skills, charts } = await shared;
  const previous = await services.digests.previous(target, req.week);
  const previousDone = new Map(previous?.map((p) => [p.id, p.done]));
  const chartKey = JSON.stringify([...previousDone]);
  let drawn = charts.get(chartKey);
  if (!drawn) charts.set(chartKey, (drawn = progressChart(statusCounts, previousDone)));
  const chart = await drawn;
  const card = digestCard({
    week: periodWeek(from, now, timezone),
    from: todayIn(timezone, from),
    to: today,
    timezone,
    areas,
    ...(previous ? { previous } : {}),
    facts,
    ...(alerts ? { alerts } : {}),
    skills,
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
