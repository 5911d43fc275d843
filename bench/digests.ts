/**
 * Benchmark 3: weekly digests for 50 channels of one workspace holding 10,000 tasks, 500 people
 * (with skill ratings), the week's completions and 10,000 alerts. Times the real composition
 * (composeDigest: tasks, areas, facts, alert numbers, skills coverage, PNG chart for Teams) and the
 * real catch-up job (compose + outbox + snapshot) per digest, against a bare SQL count per area.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDigestCatchUp, DIGEST_KIND } from "../src/digest/deliver.js";
import { composeDigest, PERIOD_MS, type DigestRequest } from "../src/digest/compose.js";
import { createServices } from "../src/core/create-services.js";
import type { Services } from "../src/core/services.js";
import { loadPlan } from "../src/data/load-plan.js";
import { digestFacts } from "../src/domain/digest-facts.js";
import { isoWeek } from "../src/domain/digest-schedule.js";
import { coverageLine, loadTeamCoverage } from "../src/training/coverage.js";
import { silentLogger } from "../src/logger.js";
import { openDatabase } from "../src/storage/db.js";
import { ms, note, num, ratio, table } from "./report.js";
import { seedCompletions, seedIncidents, seedPeople, seedSkillRatings, seedTasks } from "./seed.js";
import { scaled } from "./settings.js";
import { summarize, timeEach } from "./stats.js";

const WORKSPACE = "slack:T0DIGEST";
const CHANNELS = 50;
/** A Monday just after the digests' 09:00 UTC slot, so every subscription is due. */
const NOW = new Date("2026-11-30T09:05:00Z");

function seed(
  services: Services,
  sqlite: Parameters<typeof seedPeople>[0],
): { tasks: number; people: number; alerts: number } {
  const plan = services.plan;
  services.tasks.seed(WORKSPACE, plan, NOW);
  const planTasks = plan.areas.reduce((n, a) => n + a.objectives.reduce((m, o) => m + o.tasks.length, 0), 0);
  const people = scaled(500);
  const owners = seedPeople(sqlite, WORKSPACE, people);
  const tasks = Math.max(planTasks, scaled(10_000));
  seedTasks(sqlite, WORKSPACE, plan, tasks - planTasks, owners, NOW);
  seedSkillRatings(
    sqlite,
    WORKSPACE,
    owners,
    services.catalog.skills.map((s) => s.id),
    NOW,
  );
  seedCompletions(sqlite, WORKSPACE, plan, scaled(400), NOW);
  const incidents = scaled(2_500);
  seedIncidents(sqlite, services.alertFeed.source.tenant, incidents, 4, NOW);
  const lastWeek = isoWeek(new Date(NOW.getTime() - PERIOD_MS), "UTC");
  const snapshot = plan.areas.map((a, i) => ({
    id: a.id,
    done: 100 + i,
    total: Math.round(tasks / plan.areas.length),
  }));
  for (let c = 1; c <= CHANNELS; c++) {
    const conversationId = `C0DIGEST${String(c).padStart(2, "0")}`;
    services.subscriptions.put(
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
    services.digests.save(
      { workspace: WORKSPACE, platform: "slack", conversationId },
      lastWeek,
      snapshot,
      new Date(NOW.getTime() - PERIOD_MS),
    );
  }
  return { tasks, people, alerts: incidents * 4 };
}

/** Runs benchmark 3 and prints its table. */
export async function digestBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "secops-bench-digest-"));
  const database = openDatabase(join(dir, "secops.db"));
  try {
    const services = createServices({
      db: database.db,
      plan: loadPlan(),
      log: silentLogger(),
      clock: () => NOW,
      admins: [],
    });
    const data = seed(services, database.sqlite);
    note(
      `digests: seeded ${data.tasks} tasks, ${data.people} people, ${data.alerts} alerts, ${CHANNELS} subscribed channels`,
    );
    const week = isoWeek(NOW, "UTC");
    const requests = (images: boolean): DigestRequest[] =>
      services.subscriptions.ofKind(DIGEST_KIND).map((s) => ({
        target: { workspace: s.workspace, platform: s.platform, conversationId: s.conversationId },
        timezone: "UTC",
        week,
        now: NOW,
        images,
      }));
    const count = database.sqlite.prepare(
      "SELECT area, count(*) AS total, sum(status = 'done') AS done FROM tasks WHERE workspace = ? GROUP BY area",
    );
    for (const r of requests(true).slice(0, 3)) composeDigest(services, r);
    const tasks = services.tasks.all(WORKSPACE);
    const completions = services.digests.completions(WORKSPACE, new Date(NOW.getTime() - PERIOD_MS), NOW);
    const rows: { name: string; samples: number[] }[] = [
      {
        name: "Baseline: one SQL count per area (GROUP BY over the tasks)",
        samples: timeEach(requests(false), (r) => count.all(r.target.workspace)),
      },
      {
        name: "Part of composing: loading the workspace's tasks (TaskRepository.all)",
        samples: timeEach(requests(false), (r) => services.tasks.all(r.target.workspace)),
      },
      {
        name: "Part of composing: overdue, due-soon, unowned and completed tasks (digestFacts)",
        samples: timeEach(requests(false), () => digestFacts(tasks, completions, "2026-11-30")),
      },
      {
        name: "Part of composing: the team's skills coverage line",
        samples: timeEach(requests(false), (r) =>
          coverageLine(loadTeamCoverage(services, services.people.all(r.target.workspace), r.target.workspace)),
        ),
      },
      {
        name: "Part of composing: the week's alert numbers",
        samples: timeEach(requests(false), (r) =>
          services.alertStats.weekStats(r.target.workspace, new Date(NOW.getTime() - PERIOD_MS), NOW),
        ),
      },
      {
        name: "composeDigest, Slack (no image)",
        samples: timeEach(requests(false), (r) => composeDigest(services, r)),
      },
      {
        name: "composeDigest, Teams (with the PNG progress chart)",
        samples: timeEach(requests(true), (r) => composeDigest(services, r)),
      },
    ];
    const started = performance.now();
    const enqueued = await runDigestCatchUp({ services, showsImages: (platform) => platform === "teams" }, NOW);
    const jobMs = performance.now() - started;
    const base = summarize(rows[0]?.samples ?? []);
    table(
      `Weekly digests: ${CHANNELS} channels, ${num(data.tasks)} tasks, ${num(data.people)} people, ${num(data.alerts)} alerts`,
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
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
