/**
 * Benchmark worker for the Graph sync, in its own process so its peak memory is its own. Modes:
 * `sync` runs the REAL syncIncidents with the REAL Graph source (@azure/identity + Graph client over
 * HTTPS, trusting the run's CA through NODE_EXTRA_CA_CERTS) against the fake Graph; `raw` inserts the
 * same incidents and alerts with two prepared statements in one transaction (rows prepared first).
 * Sends one result message and exits; does nothing unless forked by the benchmark.
 *
 * Arguments: sync|raw <database file> <JSON GraphJob>
 */
import { loadPlan } from "../src/data/load-plan.js";
import { createGraphSource } from "../src/alerts/graph/create-graph-source.js";
import { mapIncident } from "../src/alerts/mapper.js";
import { syncIncidents } from "../src/alerts/sync.js";
import { TokenBucket } from "../src/alerts/token-bucket.js";
import { createServices } from "../src/core/create-services.js";
import { severityRank } from "../src/domain/incident.js";
import { silentLogger } from "../src/logger.js";
import { openDatabase, type OpenDatabase } from "../src/storage/db.js";
import { benchGraphIncidents } from "./graph-data.js";
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

/**
 * The index that would let IncidentRepository.get find an incident's alerts directly: without it,
 * SQLite serves `WHERE tenant = ? AND incident_id = ? ORDER BY created_at` from the
 * (tenant, created_at) index and scans every alert of the tenant for each lookup.
 */

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

function countRows(database: OpenDatabase): Record<string, number> {
  const count = (table: string) =>
    (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    incidents: count("incidents"),
    alerts: count("incident_alerts"),
    changes: count("incident_changes"),
    outbox: count("outbox"),
  };
}

async function sync(
  database: OpenDatabase,
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
    db: database.db,
    plan: loadPlan(),
    log: silentLogger(),
    clock: () => now,
    admins: [],
    alertFeed: { source, backfillDays: 7, pollSeconds: 120 },
  });
  services.subscriptions.put(
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

function raw(database: OpenDatabase, job: GraphJob): { ms: number } {
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
  const insertIncident = database.sqlite.prepare(
    `INSERT INTO incidents (tenant, id, display_name, description, severity, severity_rank, status, classification, determination, assigned_to, web_url, redirect_incident_id, custom_tags, created_at, last_update_at, first_seen_at) VALUES (${Array(16).fill("?").join(", ")})`,
  );
  const insertAlert = database.sqlite.prepare(
    `INSERT INTO incident_alerts (tenant, id, incident_id, title, severity, status, service_source, detection_source, category, mitre_techniques, evidence, created_at, last_update_at) VALUES (${Array(13).fill("?").join(", ")})`,
  );
  database.sqlite.transaction(() => {
    for (const row of incidentRows) insertIncident.run(...row);
    for (const row of alertRows) insertAlert.run(...row);
  })();
  return { ms: performance.now() - started };
}

async function main(): Promise<void> {
  const [mode, dbPath = "", jobJson = "{}"] = process.argv.slice(2);
  const job = JSON.parse(jobJson) as GraphJob;
  const database = openDatabase(dbPath);
  let sampledPeak = process.memoryUsage().rss;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 20);
  const result = mode === "sync" ? await sync(database, job) : raw(database, job);
  clearInterval(sampler);
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  const rows = countRows(database);
  database.close();
  toParent({ ...result, rows, sampledPeakMb: sampledPeak / 1024 / 1024, ...usage() } satisfies GraphResult);
  process.disconnect?.();
}

if (process.send) void main();
