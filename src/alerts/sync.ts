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
import { applyAlert, applyIncident } from "./apply.js";
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
type ApplyRaw = (
  ctx: EmitContext,
  subs: readonly Subscription[],
  raw: Record<string, unknown>,
  startThreads: boolean,
) => Promise<{ changed: boolean; lastUpdateAt: string } | undefined>;

const running = new WeakSet<object>();

type Fetch = (since: string) => AsyncIterable<SourcePage<Record<string, unknown>>>;

async function runStream(
  services: Services,
  stream: Stream,
  now: Date,
  fetch: Fetch,
  apply: ApplyRaw,
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
  let finished = false;
  for await (const page of fetch(since)) {
    await services.storage.unitOfWork(async () => {
      const ctx = emitContext(services, now, platforms && ((w) => platforms.platformOf(w)));
      const subs = await services.subscriptions.ofKind(INCIDENTS_KIND);
      for (const raw of page.items) {
        const result = await apply(ctx, subs, raw, !backfill);
        if (!result) continue;
        runMax = later(runMax, result.lastUpdateAt) ?? null;
        if (result.changed) summary.changed += 1;
      }
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
    if (backfill)
      log.info({ pages: summary.pages, items: summary.items, last: page.last }, "incident backfill progress");
  }
  if (!finished)
    throw new AlertSourceError(
      "The incident source stopped before its last page; the next sync repeats this run.",
      "unavailable",
    );
}

const applyIncidentRaw: ApplyRaw = async (ctx, subs, raw, startThreads) => {
  const incident = mapIncident(raw, ctx.tenant, ctx.services.alertFeed.portalHost);
  if (!incident) return undefined;
  return {
    changed: (await applyIncident(ctx, subs, incident, { startThreads })).changed,
    lastUpdateAt: incident.lastUpdateAt,
  };
};

const applyAlertRaw: ApplyRaw = async (ctx, subs, raw, startThreads) => {
  const alert = mapAlert(raw);
  if (!alert) return undefined;
  return {
    changed: (await applyAlert(ctx, subs, graphId(raw.incidentId), alert, { startThreads }))?.changed ?? false,
    lastUpdateAt: alert.lastUpdateAt,
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
      applyIncidentRaw,
      summary,
      platforms,
    );
    stream = "alerts";
    await runStream(services, stream, now, (since) => source.alertsSince(since), applyAlertRaw, summary, platforms);
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
  }
  if (summary.changed > 0) services.log.info({ job: "incident-sync", ...summary }, "incidents synced");
  return summary;
}
