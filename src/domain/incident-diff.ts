/**
 * Pure rules for an incident arriving again: merge it over what is stored (newer wins, by
 * lastUpdateDateTime, never by the order Graph returned it in) and list what meaningfully changed.
 */
import type { Incident, IncidentAlert } from "./incident.js";

/** Incident fields whose change is worth a line in the thread. */
export const TRACKED_FIELDS = ["severity", "status", "assignedTo", "classification", "determination"] as const;

export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** A change worth recording: the incident is new, a tracked field moved, or an alert was added or updated. */
export type IncidentChange =
  | { kind: "created" }
  | { kind: "field"; field: TrackedField; from: string | null; to: string | null }
  | { kind: "alert-added"; alert: IncidentAlert }
  | { kind: "alert-updated"; alert: IncidentAlert };

/** What the merge decided: the state to store, whether anything is newer, and the meaningful changes. */
export interface IncidentDiff {
  next: Incident;
  changed: boolean;
  changes: IncidentChange[];
}

/** Incident-level fields come from the newer copy; alerts merge one by one, the newer copy of each winning. */
export function mergeIncident(stored: Incident | undefined, incoming: Incident): Incident {
  if (!stored) return incoming;
  const base = incoming.lastUpdateAt > stored.lastUpdateAt ? incoming : stored;
  const alerts = new Map(stored.alerts.map((a) => [a.id, a]));
  for (const alert of incoming.alerts) {
    const old = alerts.get(alert.id);
    if (!old || alert.lastUpdateAt > old.lastUpdateAt) alerts.set(alert.id, alert);
  }
  return { ...base, alerts: [...alerts.values()] };
}

/** Merges and compares; a replayed or older copy yields `changed: false` and no changes. */
export function diffIncident(stored: Incident | undefined, incoming: Incident): IncidentDiff {
  const next = mergeIncident(stored, incoming);
  if (!stored) return { next, changed: true, changes: [{ kind: "created" }] };
  const changes: IncidentChange[] = [];
  for (const field of TRACKED_FIELDS) {
    if ((stored[field] ?? null) !== (next[field] ?? null))
      changes.push({ kind: "field", field, from: stored[field] ?? null, to: next[field] ?? null });
  }
  const before = new Map(stored.alerts.map((a) => [a.id, a]));
  for (const alert of next.alerts) {
    const old = before.get(alert.id);
    if (!old) changes.push({ kind: "alert-added", alert });
    else if (alert.lastUpdateAt > old.lastUpdateAt) changes.push({ kind: "alert-updated", alert });
  }
  const changed = next.lastUpdateAt !== stored.lastUpdateAt || changes.length > 0;
  return { next, changed, changes };
}
