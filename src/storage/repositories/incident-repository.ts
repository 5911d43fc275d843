/** Reads and writes synced incidents, their alerts and their change history. */
import { and, count, desc, eq, gte, inArray, notInArray, sql } from "drizzle-orm";
import type { IncidentChange } from "../../domain/incident-diff.js";
import { CLOSED_STATUSES, severityRank, type Incident, type IncidentAlert } from "../../domain/incident.js";
import { chunked, fromExcluded } from "../batch.js";
import type { Tables } from "../engine/types.js";
import { Repository } from "../handle.js";
import { storable } from "../text.js";

type IncidentRow = Tables["incidents"]["$inferSelect"];
type AlertRow = Tables["incidentAlerts"]["$inferSelect"];
type ChangeRow = Tables["incidentChanges"]["$inferInsert"];

/** An alert to store, with the incident it belongs to. */
export interface AlertOfIncident {
  incident: Pick<Incident, "tenant" | "id">;
  alert: IncidentAlert;
}

/** The stored row of an incident: the one place its columns are built. */
function incidentRow(incident: Incident, now: Date): IncidentRow {
  const { alerts: _a, ...fields } = incident;
  return storable({ ...fields, severityRank: severityRank(incident.severity), firstSeenAt: now.toISOString() });
}

/** The stored row of an alert: the one place its columns are built. */
function alertRow({ incident, alert }: AlertOfIncident): AlertRow {
  return storable({ ...alert, tenant: incident.tenant, incidentId: incident.id });
}

/** The history rows of an incident's changes, in order. */
export function changeRows(
  incident: Incident,
  changes: readonly IncidentChange[],
  now: Date,
  actorName: string | null,
): ChangeRow[] {
  const base = {
    tenant: incident.tenant,
    incidentId: incident.id,
    changedAt: incident.lastUpdateAt,
    recordedAt: now.toISOString(),
    actorName,
  };
  return changes.map((c) => {
    if (c.kind === "created")
      return { ...base, field: "created", oldValue: null, newValue: incident.status, alertId: null };
    if (c.kind === "field") return { ...base, field: c.field, oldValue: c.from, newValue: c.to, alertId: null };
    return {
      ...base,
      field: c.kind === "alert-added" ? "alert" : "alert-updated",
      oldValue: null,
      newValue: c.alert.status,
      alertId: c.alert.id,
    };
  });
}

/** One recorded change, oldest first in history. */
export interface IncidentChangeRecord {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  alertId: string | null;
  changedAt: string;
  actorName: string | null;
}

/** Alerts counted by severity, source and status (for `alerts`). */
export interface AlertCount {
  severity: string;
  serviceSource: string;
  status: string;
  count: number;
}

function toAlert(r: AlertRow): IncidentAlert {
  const { tenant: _t, incidentId: _i, ...alert } = r;
  return alert;
}

function toIncident(r: IncidentRow, alerts: AlertRow[]): Incident {
  const { severityRank: _r, firstSeenAt: _f, ...rest } = r;
  return { ...rest, alerts: alerts.map(toAlert) };
}

/** Alerts in creation order, those without a creation time last (the same on both engines). */
function byCreation(a: AlertRow, b: AlertRow): number {
  if (a.createdAt === b.createdAt) return 0;
  if (a.createdAt === null) return 1;
  if (b.createdAt === null) return -1;
  return a.createdAt < b.createdAt ? -1 : 1;
}

/** Access to incidents of any Graph tenant; every query names the tenant. */
export class IncidentRepository extends Repository {
  /** An incident with its alerts, or undefined. */
  async get(tenant: string, id: string): Promise<Incident | undefined> {
    const { incidents } = this.t;
    const [row] = await this.q((db) =>
      db
        .select()
        .from(incidents)
        .where(and(eq(incidents.tenant, tenant), eq(incidents.id, id))),
    );
    return row ? (await this.withAlerts(tenant, [row]))[0] : undefined;
  }

  /** Incidents of a tenant by id, with their alerts: one query for the incidents, one for their alerts. */
  async getMany(tenant: string, ids: readonly string[]): Promise<Map<string, Incident>> {
    const { incidents } = this.t;
    const found = new Map<string, Incident>();
    for (const some of chunked([...new Set(ids)], 1)) {
      const rows = await this.q((db) =>
        db
          .select()
          .from(incidents)
          .where(and(eq(incidents.tenant, tenant), inArray(incidents.id, some))),
      );
      for (const incident of await this.withAlerts(tenant, rows)) found.set(incident.id, incident);
    }
    return found;
  }

  /** Stores the incident and the given (new or updated) alerts; call inside the sync's unit of work. */
  save(incident: Incident, changedAlerts: readonly IncidentAlert[], now: Date): Promise<void> {
    return this.saveMany(
      [incident],
      changedAlerts.map((alert) => ({ incident, alert })),
      now,
    );
  }

  /**
   * Stores incidents and alerts with multi-row upserts (the last copy of a repeated id wins); an
   * incident keeps the time it was first seen. Call inside the sync's unit of work.
   */
  async saveMany(list: readonly Incident[], alerts: readonly AlertOfIncident[], now: Date): Promise<void> {
    const { incidents, incidentAlerts } = this.t;
    const incidentRows = [...new Map(list.map((i) => [i.id, incidentRow(i, now)])).values()];
    const alertRows = [...new Map(alerts.map((a) => [a.alert.id, alertRow(a)])).values()];
    const incidentSet = fromExcluded(incidents, ["tenant", "id", "firstSeenAt"]);
    for (const rows of chunked(incidentRows, incidents)) {
      await this.q((db) =>
        db
          .insert(incidents)
          .values(rows)
          .onConflictDoUpdate({ target: [incidents.tenant, incidents.id], set: incidentSet }),
      );
    }
    const alertSet = fromExcluded(incidentAlerts, ["tenant", "id"]);
    for (const rows of chunked(alertRows, incidentAlerts)) {
      await this.q((db) =>
        db
          .insert(incidentAlerts)
          .values(rows)
          .onConflictDoUpdate({ target: [incidentAlerts.tenant, incidentAlerts.id], set: alertSet }),
      );
    }
  }

  /** Appends the meaningful changes to the history. */
  recordChanges(
    incident: Incident,
    changes: readonly IncidentChange[],
    now: Date,
    actorName: string | null,
  ): Promise<void> {
    return this.insertChanges(changeRows(incident, changes, now, actorName));
  }

  /** Appends history rows (from changeRows) in order, many per statement. */
  async insertChanges(rows: readonly ChangeRow[]): Promise<void> {
    const { incidentChanges } = this.t;
    for (const some of chunked(rows, incidentChanges))
      await this.q((db) => db.insert(incidentChanges).values(storable(some)));
  }

  /** The change history of one incident, oldest first. */
  history(tenant: string, id: string): Promise<IncidentChangeRecord[]> {
    const { incidentChanges } = this.t;
    return this.q((db) =>
      db
        .select({
          field: incidentChanges.field,
          oldValue: incidentChanges.oldValue,
          newValue: incidentChanges.newValue,
          alertId: incidentChanges.alertId,
          changedAt: incidentChanges.changedAt,
          actorName: incidentChanges.actorName,
        })
        .from(incidentChanges)
        .where(and(eq(incidentChanges.tenant, tenant), eq(incidentChanges.incidentId, id)))
        .orderBy(incidentChanges.id),
    );
  }

  /** Open incidents, most severe and most recently updated first, with their alerts. */
  async open(tenant: string, minRank = 0, limit = 1000): Promise<Incident[]> {
    const { incidents } = this.t;
    const rows = await this.q((db) =>
      db
        .select()
        .from(incidents)
        .where(this.openWhere(tenant, minRank))
        .orderBy(desc(incidents.severityRank), desc(incidents.lastUpdateAt), incidents.id)
        .limit(limit),
    );
    return this.withAlerts(tenant, rows);
  }

  /** How many incidents are open at or above a severity rank. */
  async countOpen(tenant: string, minRank = 0): Promise<number> {
    const { incidents } = this.t;
    const [row] = await this.q((db) =>
      db.select({ n: count() }).from(incidents).where(this.openWhere(tenant, minRank)),
    );
    return row?.n ?? 0;
  }

  /** Alerts created since `since`, counted by severity, source and status. */
  alertCounts(tenant: string, since: string): Promise<AlertCount[]> {
    const { incidentAlerts } = this.t;
    return this.q((db) =>
      db
        .select({
          severity: incidentAlerts.severity,
          serviceSource: incidentAlerts.serviceSource,
          status: incidentAlerts.status,
          count: count(),
        })
        .from(incidentAlerts)
        .where(and(eq(incidentAlerts.tenant, tenant), gte(incidentAlerts.createdAt, since)))
        .groupBy(incidentAlerts.severity, incidentAlerts.serviceSource, incidentAlerts.status),
    );
  }

  /** Incidents (with an alert source each) assigned to any of `names` and updated since `since`. */
  assignedTo(
    names: readonly string[],
    since: string,
    tenants?: readonly string[],
  ): Promise<{ tenant: string; id: string; source: string }[]> {
    const { incidents, incidentAlerts } = this.t;
    return this.q((db) =>
      db
        .selectDistinct({ tenant: incidents.tenant, id: incidents.id, source: incidentAlerts.serviceSource })
        .from(incidents)
        .innerJoin(
          incidentAlerts,
          and(eq(incidentAlerts.tenant, incidents.tenant), eq(incidentAlerts.incidentId, incidents.id)),
        )
        .where(
          and(
            inArray(sql`lower(trim(${incidents.assignedTo}))`, [...names]),
            gte(incidents.lastUpdateAt, since),
            tenants ? inArray(incidents.tenant, [...tenants]) : undefined,
          ),
        ),
    );
  }

  private openWhere(tenant: string, minRank: number) {
    const { incidents } = this.t;
    return and(
      eq(incidents.tenant, tenant),
      notInArray(incidents.status, [...CLOSED_STATUSES]),
      gte(incidents.severityRank, minRank),
    );
  }

  private async withAlerts(tenant: string, rows: IncidentRow[]): Promise<Incident[]> {
    if (rows.length === 0) return [];
    const { incidentAlerts } = this.t;
    const alerts = await this.q((db) =>
      db
        .select()
        .from(incidentAlerts)
        .where(
          and(
            eq(incidentAlerts.tenant, tenant),
            inArray(
              incidentAlerts.incidentId,
              rows.map((r) => r.id),
            ),
          ),
        ),
    );
    alerts.sort(byCreation);
    const byIncident = new Map<string, AlertRow[]>();
    for (const alert of alerts) {
      const list = byIncident.get(alert.incidentId);
      if (list) list.push(alert);
      else byIncident.set(alert.incidentId, [alert]);
    }
    return rows.map((r) => toIncident(r, byIncident.get(r.id) ?? []));
  }
}
