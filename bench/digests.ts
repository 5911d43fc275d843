/**
 * Benchmark 3: weekly digests for 50 channels of one workspace holding 10,000 tasks, 500 people
 * (with skill ratings), the week's completions and 10,000 alerts. Times the real composition
 * (composeDigest: tasks, areas, facts, alert numbers, skills coverage, PNG chart for Teams) and the
 * real catch-up job (compose + outbox + snapshot) per digest, against a bare SQL count per area.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { runDigestCatchUp, DIGEST_KIND } from "../src/digest/deliver.js";
import { composeDigest, digestRun, PERIOD_MS, type DigestRequest } from "../src/digest/compose.js";
import { createServices } from "../src/app/create-services.js";
import type { Services } from "../src/app/services.js";
import { loadPlan } from "../src/data/load-plan.js";
import { digestFacts } from "../src/digest/facts.js";
import { LIST_LIMIT } from "../src/digest/card.js";
import { isoWeek } from "../src/domain/working-time.js";
import { coverageLine, loadTeamCoverage } from "../src/training/coverage.js";
import { silentLogger } from "../src/logger.js";
import type { Storage } from "../src/storage/storage.js";
import { dropBenchDatabase, newBenchDatabase, openBenchStorage, withRaw, type BenchDatabase } from "./database.js";
import { ms, note, num, ratio, table, type Headline } from "./report.js";
import { seedCompletions, seedIncidents, seedPeople, seedSkillRatings, seedTasks } from "./seed.js";
import { ENGINE_NAMES, scaled, type Engine } from "./settings.js";
import { summarize, timeEach, timeEachAsync } from "./stats.js";
import { platformsOf } from "../src/delivery/platforms.js";
import { TEAMS_PROFILE } from "../adapters/teams/profile.js";

const WORKSPACE = "slack:T0DIGEST";
const CHANNELS = 50;
/** A Monday just after the digests' 09:00 UTC slot, so every subscription is due. */
const NOW = new Date("2026-11-30T09:05:00Z");

/** The baseline: the least a digest must read to show progress (the same SQL on both engines). */
const BASELINE_SQL =
  "SELECT area, count(*) AS total, sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done FROM tasks WHERE workspace = ? GROUP BY area";

/** Seeds the plan's tasks through the storage, then the bulk rows over a raw connection (storage closed). */
async function seedBulk(
  db: BenchDatabase,
): Promise<{ tasks: number; people: number; alerts: number; baseline: number[] }> {
  const storage = await openBenchStorage(db);
  const services = createServices({ storage, plan: loadPlan(), log: silentLogger(), clock: () => NOW, admins: [] });
  const plan = services.plan;
  const skills = services.catalog.skills.map((s) => s.id);
  const tenant = services.alertFeed.source.tenant;
  try {
    await services.tasks.seed(WORKSPACE, plan, NOW);
  } finally {
    await storage.close();
  }
  const planTasks = plan.areas.reduce((n, a) => n + a.objectives.reduce((m, o) => m + o.tasks.length, 0), 0);
  const people = scaled(500);
  const tasks = Math.max(planTasks, scaled(10_000));
  const incidents = scaled(2_500);
  const baseline = await withRaw(db, async (raw) => {
    const owners = await seedPeople(raw, WORKSPACE, people);
    await seedTasks(raw, WORKSPACE, plan, tasks - planTasks, owners, NOW);
    await seedSkillRatings(raw, WORKSPACE, owners, skills, NOW);
    await seedCompletions(raw, WORKSPACE, plan, scaled(400), NOW);
    await seedIncidents(raw, tenant, incidents, 4, NOW);
    // The baseline needs the raw connection: one SQL count per area, once per subscribed channel.
    return timeEachAsync(
      Array.from({ length: CHANNELS }, () => WORKSPACE),
      (workspace) => raw.query(BASELINE_SQL, [workspace]),
    );
  });
  return { tasks, people, alerts: incidents * 4, baseline };
}

/** Subscribes the channels to the digest, each with last week's snapshot. */
async function subscribe(services: Services, tasks: number): Promise<void> {
  const plan = services.plan;
  const lastWeek = isoWeek(new Date(NOW.getTime() - PERIOD_MS), "UTC");
  const snapshot = plan.areas.map((a, i) => ({
    id: a.id,
    done: 100 + i,
    total: Math.round(tasks / plan.areas.length),
  }));
  for (let c = 1; c <= CHANNELS; c++) {
    const conversationId = `C0DIGEST${String(c).padStart(2, "0")}`;
    await services.subscriptions.put(
      {
        workspace: WORKSPACE,
        platform: "slack",
        conversationId,
        kind: DIGEST_KIND,
        settings: { day: 1, hour: 9, minute: 0, timezone: "UTC" },
        createdBy: null,
      },
      new Date(NOW.getTime() - 30 * 86_400_000),
    );
    await services.digests.save(
      { workspace: WORKSPACE, platform: "slack", conversationId },
      lastWeek,
      snapshot,
      new Date(NOW.getTime() - PERIOD_MS),
    );
  }
}

/** Runs benchmark 3 on one engine, prints its table and returns its headline figures. */
export async function digestBenchmark(engine: Engine): Promise<Headline[]> {
  const dir = mkdtempSync(join(tmpdir(), "secops-bench-digest-"));
  const db = newBenchDatabase(engine, dir, "digests");
  let storage: Storage | undefined;
  try {
    const data = await seedBulk(db);
    storage = await openBenchStorage(db);
    const services = createServices({
      storage,
      plan: loadPlan(),
      log: silentLogger(),
      clock: () => NOW,
      admins: [],
    });
    await subscribe(services, data.tasks);
    note(
      `digests (${ENGINE_NAMES[engine]}): seeded ${data.tasks} tasks, ${data.people} people, ${data.alerts} alerts, ${CHANNELS} subscribed channels`,
    );
    const week = isoWeek(NOW, "UTC");
    const subscriptions = await services.subscriptions.ofKind(DIGEST_KIND);
    const requests = (images: boolean): DigestRequest[] =>
      subscriptions.map((s) => ({
        target: { workspace: s.workspace, platform: s.platform, conversationId: s.conversationId },
        timezone: "UTC",
        week,
        now: NOW,
        images,
      }));
    for (const r of requests(true).slice(0, 3)) await composeDigest(services, r);
    const tasks = await services.tasks.all(WORKSPACE);
    const completions = await services.digests.completions(WORKSPACE, new Date(NOW.getTime() - PERIOD_MS), NOW);
    const rows: { name: string; samples: number[] }[] = [
      {
        name: "Baseline: one SQL count per area (GROUP BY over the tasks)",
        samples: data.baseline,
      },
      {
        name: "Part of composing: loading the workspace's tasks (TaskRepository.all)",
        samples: await timeEachAsync(requests(false), (r) => services.tasks.all(r.target.workspace)),
      },
      {
        name: "Part of composing: each area's numbers (TaskRepository.areaNumbers, one GROUP BY)",
        samples: await timeEachAsync(requests(false), (r) =>
          services.tasks.areaNumbers(r.target.workspace, "2026-11-30", "2026-12-07"),
        ),
      },
      {
        name: "Part of composing: the first rows of each list (TaskRepository.digestLists)",
        samples: await timeEachAsync(requests(false), (r) =>
          services.tasks.digestLists(r.target.workspace, "2026-11-30", "2026-12-07", LIST_LIMIT),
        ),
      },
      {
        name: "Part of composing: the week's completed tasks (TaskRepository.byIds)",
        samples: await timeEachAsync(requests(false), (r) =>
          services.tasks.byIds(
            r.target.workspace,
            completions.map((c) => c.taskId),
          ),
        ),
      },
      {
        name: "Old path: every list from every task (digestFacts over TaskRepository.all)",
        samples: timeEach(requests(false), () => digestFacts(tasks, completions, "2026-11-30")),
      },
      {
        name: "Part of composing: the team's skills coverage line",
        samples: await timeEachAsync(requests(false), async (r) =>
          coverageLine(
            await loadTeamCoverage(services, await services.people.all(r.target.workspace), r.target.workspace),
          ),
        ),
      },
      {
        name: "Part of composing: the week's alert numbers",
        samples: await timeEachAsync(requests(false), (r) =>
          services.alertStats.weekStats(r.target.workspace, new Date(NOW.getTime() - PERIOD_MS), NOW),
        ),
      },
      {
        name: "composeDigest, Slack (no image)",
        samples: await timeEachAsync(requests(false), (r) => composeDigest(services, r)),
      },
      {
        name: "composeDigest, Teams (with the PNG progress chart)",
        samples: await timeEachAsync(requests(true), (r) => composeDigest(services, r)),
      },
      {
        name: "composeDigest, Slack, the 50 sharing one run (as the job does)",
        samples: await (async () => {
          const run = digestRun();
          return timeEachAsync(requests(false), (r) => composeDigest(services, r, run));
        })(),
      },
    ];
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    const enqueued = await runDigestCatchUp(
      { services, platforms: platformsOf([TEAMS_PROFILE], services.conversations) },
      NOW,
    );
    const jobMs = performance.now() - started;
    loop.disable();
    /** The longest the event loop was blocked during the job (the histogram is in nanoseconds). */
    const blockedMs = loop.max / 1e6;
    const base = summarize(rows[0]?.samples ?? []);
    table(
      `Weekly digests on ${ENGINE_NAMES[engine]}: ${CHANNELS} channels, ${num(data.tasks)} tasks, ${num(data.people)} people, ${num(data.alerts)} alerts`,
      ["Work per digest", "Mean (ms)", "p50 (ms)", "p99 (ms)", "Max (ms)", "All 50 (ms)", "Mean ÷ baseline"],
      [
        ...rows.map(({ name, samples }) => {
          const s = summarize(samples);
          return [name, ms(s.mean), ms(s.p50), ms(s.p99), ms(s.max), ms(s.mean * s.count), ratio(s.mean, base.mean)];
        }),
        [
          `Digest job (runDigestCatchUp: compose + outbox row + snapshot), ${enqueued} enqueued`,
          ms(jobMs / Math.max(1, enqueued)),
          "—",
          "—",
          "—",
          ms(jobMs),
          ratio(jobMs / Math.max(1, enqueued), base.mean),
        ],
      ],
    );
    console.log(
      `\nDuring the digest job the event loop was blocked at most ${ms(blockedMs)} ms (monitorEventLoopDelay, p99 ${ms(loop.percentile(99) / 1e6)} ms).`,
    );
    const compose = summarize(rows.find((r) => r.name.startsWith("composeDigest, Slack"))?.samples ?? []);
    return [
      { measure: "composeDigest, Slack, mean per digest", unit: "ms", figure: compose.mean, baseline: base.mean },
      {
        measure: `Digest job, per digest (${enqueued} enqueued)`,
        unit: "ms",
        figure: jobMs / Math.max(1, enqueued),
        baseline: base.mean,
      },
      {
        measure: `Digest job, all ${enqueued}, against ${CHANNELS} baseline counts`,
        unit: "ms",
        figure: jobMs,
        baseline: base.mean * base.count,
      },
      { measure: "Digest job, longest event-loop block (vs 50 ms)", unit: "ms", figure: blockedMs, baseline: 50 },
    ];
  } finally {
    await storage?.close();
    await dropBenchDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}
