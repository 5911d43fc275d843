/**
 * Applying one incident (from a sync page, an alert page or a write-back): merge over what is
 * stored, store it with its change history, and emit thread messages. Runs inside the caller's
 * unit of work, so the page's upserts, history, outbox rows and cursor commit together.
 */
import { diffIncident, type IncidentChange } from "../domain/incident-diff.js";
import type { Incident, IncidentAlert } from "../domain/incident.js";
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
  const { actorName } = options;
  const repo = ctx.services.incidents;
  const stored = await repo.get(incoming.tenant, incoming.id);
  const { next, changed, changes } = diffIncident(stored, incoming);
  if (!changed) return { incident: next, changed, changes };
  const before = new Map((stored?.alerts ?? []).map((a) => [a.id, a.lastUpdateAt]));
  const changedAlerts = next.alerts.filter((a) => before.get(a.id) !== a.lastUpdateAt);
  await repo.save(next, changedAlerts, ctx.now);
  const fields = options.actorFields;
  const attribution = (field: string) => (!fields || fields.includes(field) ? actorName : options.sourceName);
  const mine = changes.filter((c) => c.kind !== "field" || attribution(c.field) === actorName);
  const theirs = changes.filter((c) => !mine.includes(c));
  await repo.recordChanges(next, mine, ctx.now, actorName ?? null);
  if (theirs.length) await repo.recordChanges(next, theirs, ctx.now, options.sourceName ?? null);
  await emitIncident(ctx, subs, next, changes, actorName ? attribution : undefined, options.startThreads ?? true);
  await pingOnDuty(ctx, next);
  return { incident: next, changed, changes };
}

/** Applies an alert read on its own (alerts_v2) to its stored incident; alerts of unknown incidents wait for the incident stream. */
export async function applyAlert(
  ctx: EmitContext,
  subs: readonly Subscription[],
  incidentId: string | null,
  alert: IncidentAlert,
  options: ApplyOptions = {},
): Promise<Applied | undefined> {
  if (!incidentId) return undefined;
  const stored = await ctx.services.incidents.get(ctx.tenant, incidentId);
  if (!stored) return undefined;
  return applyIncident(ctx, subs, { ...stored, alerts: [alert] }, options);
}
