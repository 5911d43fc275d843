/**
 * Applying incidents (a sync page, an alert page or a write-back): merge over what is stored, store
 * them with their change history, and emit thread messages. Runs inside the caller's unit of work,
 * so the page's upserts, history, outbox rows and cursor commit together.
 */
import { diffIncident, type IncidentChange } from "../domain/incident-diff.js";
import type { Incident, IncidentAlert } from "../domain/incident.js";
import { changeRows, type AlertOfIncident } from "../storage/repositories/incident-repository.js";
import type { Subscription } from "../storage/repositories/subscription-repository.js";
import { emitIncident, type EmitContext } from "./emit.js";
import { pingOnDuty } from "./honeypot-pings.js";

/** What applying one incident did. */
export interface Applied {
  incident: Incident;
  changed: boolean;
  changes: IncidentChange[];
}

/** Options for applying: who acted (write-back) and whether new threads may start (not during a backfill). */
export interface ApplyOptions {
  actorName?: string;
  /** The fields the person changed (their write-back); other changes Graph reports are the source's own. */
  actorFields?: readonly string[];
  /** Who the source's own changes are attributed to when a person's write-back carries them. */
  sourceName?: string;
  startThreads?: boolean;
}

/** Stores and emits the incident when anything in it is newer than what is stored; a replay changes nothing. */
export async function applyIncident(
  ctx: EmitContext,
  subs: readonly Subscription[],
  incoming: Incident,
  options: ApplyOptions = {},
): Promise<Applied> {
  const [applied] = await applyIncidents(ctx, subs, [incoming], options);
  if (!applied) throw new Error("applying one incident yielded no result");
  return applied;
}

/**
 * Applies a page of incidents in order: the stored copies are read in one go, each incoming copy is
 * merged over the latest state (an incident twice in a page merges twice), and what changed is
 * written with multi-row statements before the thread messages are emitted.
 */
export async function applyIncidents(
  ctx: EmitContext,
  subs: readonly Subscription[],
  incoming: readonly Incident[],
  options: ApplyOptions = {},
): Promise<Applied[]> {
  const stored = await ctx.services.incidents.getMany(
    ctx.tenant,
    incoming.map((i) => i.id),
  );
  return applyInOrder(
    ctx,
    subs,
    stored,
    incoming.map((i) => () => i),
    options,
  );
}

/**
 * Applies a page of alerts read on their own, each to its stored incident (read in one go); the
 * result has an entry per alert, undefined for those whose incident is not stored yet.
 */
export async function applyAlerts(
  ctx: EmitContext,
  subs: readonly Subscription[],
  alerts: readonly { incidentId: string | null; alert: IncidentAlert }[],
  options: ApplyOptions = {},
): Promise<(Applied | undefined)[]> {
  const ids = alerts.flatMap((a) => (a.incidentId ? [a.incidentId] : []));
  const stored = await ctx.services.incidents.getMany(ctx.tenant, ids);
  const known = alerts.filter((a) => a.incidentId && stored.has(a.incidentId));
  const applied = await applyInOrder(
    ctx,
    subs,
    stored,
    known.map(({ incidentId, alert }) => (latest) => {
      const incident = latest.get(incidentId ?? "");
      if (!incident) throw new Error(`incident ${incidentId} vanished while applying its alert`);
      return { ...incident, alerts: [alert] };
    }),
    options,
  );
  const byAlert = new Map(known.map((a, i) => [a, applied[i]]));
  return alerts.map((a) => byAlert.get(a));
}

/** Diffs each item over the latest state in memory, then writes the page's changes and emits them in order. */
async function applyInOrder(
  ctx: EmitContext,
  subs: readonly Subscription[],
  latest: Map<string, Incident>,
  items: readonly ((latest: ReadonlyMap<string, Incident>) => Incident)[],
  options: ApplyOptions,
): Promise<Applied[]> {
  const { actorName } = options;
  const fields = options.actorFields;
  const attribution = (field: string) => (!fields || fields.includes(field) ? actorName : options.sourceName);
  const results: Applied[] = [];
  const saved: Incident[] = [];
  const alerts: AlertOfIncident[] = [];
  const history: ReturnType<typeof changeRows> = [];
  for (const item of items) {
    const incoming = item(latest);
    const stored = latest.get(incoming.id);
    const { next, changed, changes } = diffIncident(stored, incoming);
    results.push({ incident: next, changed, changes });
    if (!changed) continue;
    latest.set(next.id, next);
    const before = new Map((stored?.alerts ?? []).map((a) => [a.id, a.lastUpdateAt]));
    saved.push(next);
    for (const alert of next.alerts)
      if (before.get(alert.id) !== alert.lastUpdateAt) alerts.push({ incident: next, alert });
    const mine = changes.filter((c) => c.kind !== "field" || attribution(c.field) === actorName);
    const theirs = changes.filter((c) => !mine.includes(c));
    history.push(...changeRows(next, mine, ctx.now, actorName ?? null));
    if (theirs.length) history.push(...changeRows(next, theirs, ctx.now, options.sourceName ?? null));
  }
  const changedResults = results.filter((r) => r.changed);
  if (changedResults.length === 0) return results;
  const repo = ctx.services.incidents;
  await repo.saveMany(saved, alerts, ctx.now);
  await repo.insertChanges(history);
  await ctx.preloadRoots(
    subs,
    changedResults.map((r) => r.incident.id),
  );
  for (const { incident, changes } of changedResults) {
    await emitIncident(ctx, subs, incident, changes, actorName ? attribution : undefined, options.startThreads ?? true);
    await pingOnDuty(ctx, incident);
  }
  return results;
}
