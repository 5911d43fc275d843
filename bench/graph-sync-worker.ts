/**
 * Benchmark worker for the Graph sync, in its own process so its peak memory is its own. Modes:
 * `sync` runs the REAL syncIncidents with the REAL Graph source (@azure/identity + Graph client over
 * HTTPS, trusting the run's CA through NODE_EXTRA_CA_CERTS) against the fake Graph; `raw` inserts the
 * same incidents and alerts raw (rows mapped first): prepared better-sqlite3 statements in one
 * transaction, or node-postgres multi-row INSERTs in one transaction.
 * Sends one result message and exits; does nothing unless forked by the benchmark.
 *
 * Arguments: sync|raw <JSON BenchDatabase> <JSON GraphJob>
 */
import { loadPlan } from "../src/data/load-plan.js";
import { createGraphSource } from "../src/alerts/graph/create-graph-source.js";
import { mapIncident } from "../src/alerts/mapper.js";
import { syncIncidents } from "../src/alerts/sync.js";
import { TokenBucket } from "../src/alerts/token-bucket.js";
import { createServices } from "../src/app/create-services.js";
import { severityRank } from "../src/domain/incident.js";
import { silentLogger } from "../src/logger.js";
import type { Storage } from "../src/storage/storage.js";
import { openBenchStorage, withRaw, type BenchDatabase, type RawDatabase } from "./database.js";
import { benchGraphIncidents } from "./graph-data.js";
import { insertIncidents } from "./seed.js";
import { timedSource, type SourceTiming } from "./timed-source.js";
import { toParent, usage } from "./worker.js";

/** What the parent tells the worker. */
export interface GraphJob {
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  now: string;
  pageSize: number;
  incidents: number;
  alertsPer: number;
}

/** What the worker reports. */
export interface GraphResult {
  ms: number;
  fetchMs?: number;
  pages?: number;
  items?: number;
  error?: string;
  rows: Record<string, number>;
  sampledPeakMb: number;
  maxRssMb: number;
  cpuMs: number;
}

async function countRows(raw: RawDatabase): Promise<Record<string, number>> {
  const count = async (table: string) =>
    Number((await raw.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? 0);
  return {
    incidents: await count("incidents"),
    alerts: await count("incident_alerts"),
    changes: await count("incident_changes"),
    outbox: await count("outbox"),
  };
}

async function sync(
  storage: Storage,
  job: GraphJob,
): Promise<Omit<GraphResult, "rows" | "sampledPeakMb" | "maxRssMb" | "cpuMs">> {
  const now = new Date(job.now);
  const config = {
    tenantId: job.tenantId,
    clientId: job.clientId,
    clientSecret: job.clientSecret,
    managedIdentity: false,
    authorityHost: job.url,
    baseUrl: job.url,
  };
  const timing: SourceTiming = { fetchMs: 0, pages: 0 };
  const source = timedSource(
    createGraphSource(config, { pageSize: job.pageSize, bucket: new TokenBucket(60_000_000) }),
    timing,
  );
  const services = createServices({
    storage,
    plan: loadPlan(),
    log: silentLogger(),
    clock: () => now,
    admins: [],
    alertFeed: { source, backfillDays: 7, pollSeconds: 120 },
  });
  await services.subscriptions.put(
    {
      workspace: "slack:T0FAKE",
      platform: "slack",
      conversationId: "C0SECOPS",
      kind: "incidents",
      settings: { minSeverity: "high", sources: [] },
      createdBy: null,
    },
    now,
  );
  const started = performance.now();
  const summary = await syncIncidents(services, now);
  return {
    ms: performance.now() - started,
    fetchMs: timing.fetchMs,
    pages: timing.pages,
    items: summary.items,
    ...(summary.error ? { error: summary.error } : {}),
  };
}

/** The same incidents and alerts as the sync stores, mapped (untimed), then inserted raw (timed). */
async function raw(db: RawDatabase, job: GraphJob): Promise<{ ms: number }> {
  const now = new Date(job.now).toISOString();
  const incidentRows: unknown[][] = [];
  const alertRows: unknown[][] = [];
  for (const graph of benchGraphIncidents(job.incidents, job.alertsPer, new Date(job.now))) {
    const i = mapIncident(graph, job.tenantId);
    if (!i) continue;
    incidentRows.push([
      i.tenant,
      i.id,
      i.displayName,
      i.description,
      i.severity,
      severityRank(i.severity),
      i.status,
      i.classification,
      i.determination,
      i.assignedTo,
      i.webUrl,
      i.redirectIncidentId,
      JSON.stringify(i.customTags),
      i.createdAt,
      i.lastUpdateAt,
      now,
    ]);
    for (const a of i.alerts)
      alertRows.push([
        i.tenant,
        a.id,
        i.id,
        a.title,
        a.severity,
        a.status,
        a.serviceSource,
        a.detectionSource,
        a.category,
        JSON.stringify(a.mitreTechniques),
        JSON.stringify(a.evidence),
        a.createdAt,
        a.lastUpdateAt,
      ]);
  }
  const started = performance.now();
  await insertIncidents(db, [incidentRows, alertRows]);
  return { ms: performance.now() - started };
}

async function main(): Promise<void> {
  const [mode, dbJson = "{}", jobJson = "{}"] = process.argv.slice(2);
  const db = JSON.parse(dbJson) as BenchDatabase;
  const job = JSON.parse(jobJson) as GraphJob;
  const storage = await openBenchStorage(db);
  let sampledPeak = process.memoryUsage().rss;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 20);
  let result: Awaited<ReturnType<typeof sync>>;
  if (mode === "sync") {
    try {
      result = await sync(storage, job);
    } finally {
      await storage.close();
    }
  } else {
    await storage.close();
    result = await withRaw(db, (r) => raw(r, job));
  }
  clearInterval(sampler);
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  const rows = await withRaw(db, countRows);
  toParent({ ...result, rows, sampledPeakMb: sampledPeak / 1024 / 1024, ...usage() } satisfies GraphResult);
  process.disconnect?.();
}

if (process.send) void main();
