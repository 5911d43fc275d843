/**
 * Benchmark 2: a first sync (7-day backfill) from the fake Graph over HTTPS through the REAL
 * syncIncidents and Graph source, in a worker process, against a raw better-sqlite3 insert of the same
 * incidents and alerts in another (a node-postgres multi-row INSERT on PostgreSQL). A throwaway CA (the tests' own global setup) makes the fake's
 * certificate; the workers trust it through NODE_EXTRA_CA_CERTS, set before they start.
 * It runs at 10,000 and at 100,000 alerts, so the figures also show how the sync scales.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeGraph } from "../test/fakes/graph-server.js";
import { setup as makeTestCa } from "../test/global-setup.js";
import { benchGraphIncidents, describeShape } from "./graph-data.js";
import type { GraphJob, GraphResult } from "./graph-sync-worker.js";
import { rateLimitFloorMs } from "./rate-floor.js";
import { dropBenchDatabase, newBenchDatabase, type BenchDatabase } from "./database.js";
import { mb, note, num, ratio, table, type Headline } from "./report.js";
import { ENGINE_NAMES, scaled, settings, type Engine } from "./settings.js";
import { Worker } from "./worker.js";

const ALERTS_PER_INCIDENT = 4;

interface Run {
  label: string;
  incidents: number;
}

interface Measured {
  run: Run;
  sync: GraphResult;
  raw: GraphResult;
  requests: number;
}

async function inWorker(mode: "sync" | "raw", db: BenchDatabase, job: GraphJob): Promise<GraphResult> {
  try {
    const worker = Worker.start<GraphResult>("./graph-sync-worker.ts", [mode, JSON.stringify(db), JSON.stringify(job)]);
    const result = await worker.next();
    await worker.exit();
    return result;
  } finally {
    await dropBenchDatabase(db);
  }
}

async function measure(run: Run, dir: string, engine: Engine): Promise<Measured> {
  note(`graph (${ENGINE_NAMES[engine]}): ${run.label}, ${run.incidents * ALERTS_PER_INCIDENT} alerts`);
  const fake = await FakeGraph.start({ maxPageSize: settings.graphPage });
  try {
    const now = new Date();
    for (const incident of benchGraphIncidents(run.incidents, ALERTS_PER_INCIDENT, now)) fake.routes.put(incident);
    const app = fake.entra.app;
    const job: GraphJob = {
      url: fake.url,
      tenantId: app.tenantId,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      now: now.toISOString(),
      pageSize: settings.graphPage,
      incidents: run.incidents,
      alertsPer: ALERTS_PER_INCIDENT,
    };
    const name = `${run.incidents}`;
    const sync = await inWorker("sync", newBenchDatabase(engine, dir, `${name}_sync`), job);
    const raw = await inWorker("raw", newBenchDatabase(engine, dir, `${name}_raw`), job);
    note(`graph (${ENGINE_NAMES[engine]}): ${run.label}: sync ${seconds(sync.ms)} s, raw insert ${seconds(raw.ms)} s`);
    return { run, sync, raw, requests: fake.graphRequests().length };
  } finally {
    await fake.close();
  }
}

const seconds = (value: number | undefined) => (value === undefined ? "—" : num(value / 1000, value < 10_000 ? 2 : 1));
const storing = (r: GraphResult) => r.ms - (r.fetchMs ?? 0);

async function print(results: Measured[], engine: Engine): Promise<void> {
  const size = (m: Measured) =>
    `${num(m.run.incidents)} × ${ALERTS_PER_INCIDENT} = ${num(m.run.incidents * ALERTS_PER_INCIDENT)}`;
  table(
    `Graph sync on ${ENGINE_NAMES[engine]}, time: incidents × alerts, $top=${settings.graphPage}, production rate limiter lifted`,
    [
      "Sync run",
      "Incidents × alerts",
      "Sync total (s)",
      "Waiting for pages (s)",
      "Storing (s)",
      "Raw insert (s)",
      "Total ÷ raw",
      "Storing ÷ raw",
    ],
    results.map((m) => [
      m.run.label,
      size(m),
      seconds(m.sync.ms),
      seconds(m.sync.fetchMs),
      seconds(storing(m.sync)),
      seconds(m.raw.ms),
      ratio(m.sync.ms, m.raw.ms),
      ratio(storing(m.sync), m.raw.ms),
    ]),
  );
  const rows = (r: GraphResult) =>
    `${num(r.rows.incidents ?? 0)} / ${num(r.rows.alerts ?? 0)} / ${num(r.rows.changes ?? 0)} / ${num(r.rows.outbox ?? 0)}`;
  table(
    `Graph sync on ${ENGINE_NAMES[engine]}, memory and work`,
    [
      "Sync run",
      "Incidents × alerts",
      "Sync peak RSS, maxRSS (MB)",
      "Sync peak RSS, sampled (MB)",
      "Raw insert peak RSS (MB)",
      "Sync CPU (s)",
      "Pages / items read",
      "Rows: incidents / alerts / history / outbox",
      "Error",
    ],
    results.map((m) => [
      m.run.label,
      size(m),
      mb(m.sync.maxRssMb * 1024 * 1024),
      mb(m.sync.sampledPeakMb * 1024 * 1024),
      mb(m.raw.maxRssMb * 1024 * 1024),
      seconds(m.sync.cpuMs),
      `${num(m.sync.pages ?? 0)} / ${num(m.sync.items ?? 0)}`,
      rows(m.sync),
      m.sync.error ?? "none",
    ]),
  );
  const full = results.at(-1);
  if (!full) return;
  const at50 = Math.ceil(full.run.incidents / 50) + Math.ceil((full.run.incidents * ALERTS_PER_INCIDENT) / 50);
  console.log(
    `\nThe production limiter (150 requests/min) alone would stretch the ${num(full.requests)} Graph requests of the largest run to at least ${num((await rateLimitFloorMs(full.requests)) / 60_000, 1)} min, and the ${num(at50)} requests at the production page size (50) to at least ${num((await rateLimitFloorMs(at50)) / 60_000, 1)} min.`,
  );
  console.log(
    `Shape: ${describeShape(full.run.incidents, ALERTS_PER_INCIDENT)}; the alerts stream then reads every alert again.`,
  );
}

/** The sync's times against the raw insert's, per run. */
function headlines(results: Measured[]): Headline[] {
  return results.flatMap((m) => [
    {
      measure: `${m.run.label}: sync total vs raw insert`,
      unit: "s",
      figure: m.sync.ms / 1000,
      baseline: m.raw.ms / 1000,
    },
    {
      measure: `${m.run.label}: storing vs raw insert`,
      unit: "s",
      figure: storing(m.sync) / 1000,
      baseline: m.raw.ms / 1000,
    },
  ]);
}

/** Runs benchmark 2 on one engine, prints its tables and returns its headline figures. */
export async function graphSyncBenchmark(engine: Engine): Promise<Headline[]> {
  const saved = { ca: process.env.NODE_EXTRA_CA_CERTS, dir: process.env.SECOPS_TEST_TLS_DIR };
  const removeCa = await makeTestCa();
  const dir = mkdtempSync(join(tmpdir(), "secops-bench-graph-"));
  const runs: Run[] = [scaled(2_500), scaled(25_000)].map((incidents) => ({
    label: `${num(incidents * ALERTS_PER_INCIDENT)} alerts`,
    incidents,
  }));
  try {
    const results: Measured[] = [];
    for (const run of runs) results.push(await measure(run, dir, engine));
    await print(results, engine);
    return headlines(results);
  } finally {
    removeCa();
    rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of [
      ["NODE_EXTRA_CA_CERTS", saved.ca],
      ["SECOPS_TEST_TLS_DIR", saved.dir],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
