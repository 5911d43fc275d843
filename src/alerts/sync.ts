/**
 * The incident sync job, run every GRAPH_POLL_SECONDS: reads incidents (alerts expanded), then alerts
 * updated on their own, since the stored cursor. Each page is stored in one transaction with its
 * history, outbox rows and run progress; the cursor moves only in the last page's transaction. A run
 * cut short (crash, network) is repeated from the same lower bound, and dedupe by id +
 * lastUpdateDateTime makes the repeat add nothing twice. The first run backfills GRAPH_BACKFILL_DAYS
 * without starting threads one by one; when it ends, each subscribed conversation gets the most
 * severe open incidents, exactly as if it had just subscribed.
 */
import type { Platforms } from "../delivery/platforms.js";
import type { Services } from "../app/services.js";
import { fromDate, later, minusMs } from "../domain/incident-time.js";
import type { Subscription } from "../storage/repositories/subscription-repository.js";
import { AlertSourceError, type SourcePage } from "./alert-source.js";
import { applyAlerts, applyIncidents } from "./apply.js";
import { graphId } from "./bounded.js";
import { INCIDENTS_KIND, emitContext, filterOf, targetOf, type EmitContext } from "./emit.js";
import { mapAlert, mapIncident } from "./mapper.js";
import { postOpenIncidents } from "./open-incidents.js";

/** Each run re-reads this much before the cursor, for items Graph indexes late (dedupe drops repeats). */
export const SYNC_OVERLAP_MS = 2 * 60_000;

/** What one run did, for logs and tests. */
export interface SyncSummary {
  pages: number;
  items: number;
  changed: number;
  error?: string;
}

type Stream = "incidents" | "alerts";
/** Applies a page of raw items; returns how many changed something and the newest update time among them. */
type ApplyPage = (
  ctx: EmitContext,
  subs: readonly Subscription[],
  raws: readonly Record<string, unknown>[],
  startThreads: boolean,
) => Promise<{ changed: number; lastUpdateAt: string | null }>;

const running = new WeakSet<object>();

/** How far a first backfill has come, by source, while it runs. */
export interface BackfillProgress {
  stream: Stream;
  pages: number;
  items: number;
  startedAt: number;
  /** How many items the stream's query matches, when the source said so on its first page. */
  expected?: number;
}

/** The backfill's progress in words, for /readyz. */
export function describeBackfill(p: BackfillProgress, now = Date.now()): string {
  const read = `first incident sync (${p.stream}): ${p.pages} pages, ${p.items} items read`;
  const left = secondsLeft(p, now);
  return p.expected === undefined || left === undefined ? read : `${read} of ${p.expected}, about ${left} s left`;
}

/** Seconds the backfill of a stream should still take at its pace so far, when the source gave a total. */
export function secondsLeft(p: BackfillProgress, now = Date.now()): number | undefined {
  if (p.expected === undefined || p.items === 0) return undefined;
  const perItem = (now - p.startedAt) / 1000 / p.items;
  return Math.max(0, Math.round(perItem * (p.expected - p.items)));
}

const backfills = new WeakMap<object, BackfillProgress>();

/** The running first backfill of the source, for /readyz; undefined when none runs. */
export function backfillProgress(source: object): BackfillProgress | undefined {
  const p = backfills.get(source);
  return p ? { ...p } : undefined;
}

type Fetch = (since: string) => AsyncIterable<SourcePage<Record<string, unknown>>>;

async function runStream(
  services: Services,
  stream: Stream,
  now: Date,
  fetch: Fetch,
  apply: ApplyPage,
  summary: SyncSummary,
  platforms: Pick<Platforms, "platformOf"> | undefined,
): Promise<void> {
  const { source, backfillDays } = services.alertFeed;
  const state = services.syncState;
  const prior = await state.get(source.tenant, stream);
  const backfillStart = fromDate(new Date(now.getTime() - backfillDays * 86_400_000));
  const since = prior?.runSince ?? (prior?.cursor ? minusMs(prior.cursor, SYNC_OVERLAP_MS) : backfillStart);
  const backfill = !prior?.cursor;
  let runMax = prior?.runSince ? prior.runMax : null;
  await state.beginRun(source.tenant, stream, since);
  const log = services.log.child({ job: "incident-sync", stream, tenant: source.tenant });
  if (backfill) log.info({ since, resumed: !!prior?.runSince }, "incident backfill starting");
  const progress: BackfillProgress = { stream, pages: 0, items: 0, startedAt: Date.now() };
  if (backfill) backfills.set(source, progress);
  let finished = false;
  for await (const page of fetch(since)) {
    await services.storage.unitOfWork(async () => {
      const ctx = emitContext(services, now, platforms && ((w) => platforms.platformOf(w)));
      const subs = await services.subscriptions.ofKind(INCIDENTS_KIND);
      const result = await apply(ctx, subs, page.items, !backfill);
      runMax = later(runMax, result.lastUpdateAt) ?? null;
      summary.changed += result.changed;
      const lastCursor = page.last ? later(prior?.cursor ?? backfillStart, runMax) : undefined;
      if (page.last && backfill && stream === "incidents")
        for (const sub of subs) await postOpenIncidents(ctx, targetOf(sub), filterOf(sub.settings));
      await state.pageStored(
        source.tenant,
        stream,
        { runMax, items: page.items.length, ...(lastCursor ? { lastCursor } : {}) },
        now,
      );
    });
    summary.pages += 1;
    summary.items += page.items.length;
    finished = page.last;
    if (backfill) {
      progress.pages += 1;
      progress.items += page.items.length;
      if (page.total !== undefined && progress.expected === undefined) progress.expected = page.total;
      const seconds = (Date.now() - progress.startedAt) / 1000;
      log.info(
        {
          pages: progress.pages,
          items: progress.items,
          seconds: Math.round(seconds),
          itemsPerSecond: seconds > 0 ? Math.round(progress.items / seconds) : undefined,
          expected: progress.expected,
          secondsLeft: page.last ? 0 : secondsLeft(progress),
          last: page.last,
        },
        "incident backfill progress",
      );
    }
  }
  backfills.delete(source);
  if (!finished)
    throw new AlertSourceError(
      "The incident source stopped before its last page; the next sync repeats this run.",
      "unavailable",
    );
}

/** The newest of the times (ISO strings compare in time order), or null when there are none. */
function newest(times: readonly string[]): string | null {
  return times.reduce<string | null>((max, t) => later(max, t) ?? null, null);
}

const applyIncidentPage: ApplyPage = async (ctx, subs, raws, startThreads) => {
  const incidents = raws.flatMap((raw) => mapIncident(raw, ctx.tenant, ctx.services.alertFeed.portalHost) ?? []);
  const applied = await applyIncidents(ctx, subs, incidents, { startThreads });
  return {
    changed: applied.filter((a) => a.changed).length,
    lastUpdateAt: newest(incidents.map((i) => i.lastUpdateAt)),
  };
};

const applyAlertPage: ApplyPage = async (ctx, subs, raws, startThreads) => {
  const alerts = raws.flatMap((raw) => {
    const alert = mapAlert(raw);
    return alert ? [{ incidentId: graphId(raw.incidentId), alert }] : [];
  });
  const applied = await applyAlerts(ctx, subs, alerts, { startThreads });
  return {
    changed: applied.filter((a) => a?.changed).length,
    lastUpdateAt: newest(alerts.map((a) => a.alert.lastUpdateAt)),
  };
};

/** The scheduled job: syncs incidents then alerts; never throws (failures are logged and kept for `alerts`). */
export async function syncIncidents(
  services: Services,
  now: Date,
  platforms?: Pick<Platforms, "platformOf">,
): Promise<SyncSummary> {
  const { source } = services.alertFeed;
  const summary: SyncSummary = { pages: 0, items: 0, changed: 0 };
  if (running.has(source)) return { ...summary, error: "a sync is already running" };
  running.add(source);
  let stream: Stream = "incidents";
  try {
    await runStream(
      services,
      stream,
      now,
      (since) => source.incidentsSince(since),
      applyIncidentPage,
      summary,
      platforms,
    );
    stream = "alerts";
    await runStream(services, stream, now, (since) => source.alertsSince(since), applyAlertPage, summary, platforms);
  } catch (err) {
    const known = err instanceof AlertSourceError;
    const message = known ? err.message : "unexpected failure (see the log)";
    await services.syncState.failed(source.tenant, stream, message, now);
    services.log.warn(
      { job: "incident-sync", stream, kind: known ? err.kind : "internal", ...(known ? { reason: message } : { err }) },
      "incident sync failed; the cursor is kept and the next run retries",
    );
    summary.error = message;
  } finally {
    running.delete(source);
    backfills.delete(source);
  }
  if (summary.changed > 0) services.log.info({ job: "incident-sync", ...summary }, "incidents synced");
  return summary;
}
