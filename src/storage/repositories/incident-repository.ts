/** Reads and writes synced incidents, their alerts and their change history. */
import { and, desc, eq, gte, inArray, notInArray, sql } from "drizzle-orm";
import type { IncidentChange } from "../../domain/incident-diff.js";
import { CLOSED_STATUSES, severityRank, type Incident, type IncidentAlert } from "../../domain/incident.js";
import type { Db } from "../db.js";
import { incidentAlerts, incidentChanges, incidents } from "../schema/incidents.js";

type IncidentRow = typeof incidents.$inferSelect;
type AlertRow = typeof incidentAlerts.$inferSelect;

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

/** Access to incidents of any Graph tenant; every query names the tenant. */
export class IncidentRepository {
  constructor(private readonly db: Db) {}

  /** An incident with its alerts, or undefined. */
  get(tenant: string, id: string): Incident | undefined {
    const row = this.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.tenant, tenant), eq(incidents.id, id)))
      .get();
    if (!row) return undefined;
    const alerts = this.db
      .select()
      .from(incidentAlerts)
      .where(and(eq(incidentAlerts.tenant, tenant), eq(incidentAlerts.incidentId, id)))
      .orderBy(incidentAlerts.createdAt)
      .all();
    return toIncident(row, alerts);
  }

  /** Stores the incident and the given (new or updated) alerts; call inside the sync's transaction. */
  save(incident: Incident, changedAlerts: readonly IncidentAlert[], now: Date): void {
    const { alerts: _a, ...fields } = incident;
    const row = { ...fields, severityRank: severityRank(incident.severity) };
    this.db
      .insert(incidents)
      .values({ ...row, firstSeenAt: now.toISOString() })
      .onConflictDoUpdate({ target: [incidents.tenant, incidents.id], set: row })
      .run();
    for (const alert of changedAlerts) {
      const values = { ...alert, tenant: incident.tenant, incidentId: incident.id };
      this.db
        .insert(incidentAlerts)
        .values(values)
        .onConflictDoUpdate({ target: [incidentAlerts.tenant, incidentAlerts.id], set: values })
        .run();
    }
  }

  /** Appends the meaningful changes to the history. */
  recordChanges(incident: Incident, changes: readonly IncidentChange[], now: Date, actorName: string | null): void {
    const base = {
      tenant: incident.tenant,
      incidentId: incident.id,
      changedAt: incident.lastUpdateAt,
      recordedAt: now.toISOString(),
      actorName,
    };
    const rows = changes.map((c) => {
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
    if (rows.length) this.db.insert(incidentChanges).values(rows).run();
  }

  /** The change history of one incident, oldest first. */
  history(tenant: string, id: string): IncidentChangeRecord[] {
    return this.db
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
      .orderBy(incidentChanges.id)
      .all();
  }

  /** Open incidents, most severe and most recently updated first, with their alerts. */
  open(tenant: string, minRank = 0, limit = 1000): Incident[] {
    const rows = this.db
      .select()
      .from(incidents)
      .where(
        and(
          eq(incidents.tenant, tenant),
          notInArray(incidents.status, [...CLOSED_STATUSES]),
          gte(incidents.severityRank, minRank),
        ),
      )
      .orderBy(desc(incidents.severityRank), desc(incidents.lastUpdateAt))
      .limit(limit)
      .all();
    return this.withAlerts(tenant, rows);
  }

  /** How many incidents are open at or above a severity rank. */
  countOpen(tenant: string, minRank = 0): number {
    const row = this.db
      .select({ n: sql<number>`count(*)` })
      .from(incidents)
      .where(
        and(
          eq(incidents.tenant, tenant),
          notInArray(incidents.status, [...CLOSED_STATUSES]),
          gte(incidents.severityRank, minRank),
        ),
      )
      .get();
    return row?.n ?? 0;
  }

  /** Alerts created since `since`, counted by severity, source and status. */
  alertCounts(tenant: string, since: string): AlertCount[] {
    return this.db
      .select({
        severity: incidentAlerts.severity,
        serviceSource: incidentAlerts.serviceSource,
        status: incidentAlerts.status,
        count: sql<number>`count(*)`,
      })
      .from(incidentAlerts)
      .where(and(eq(incidentAlerts.tenant, tenant), gte(incidentAlerts.createdAt, since)))
      .groupBy(incidentAlerts.severity, incidentAlerts.serviceSource, incidentAlerts.status)
      .all();
  }

  private withAlerts(tenant: string, rows: IncidentRow[]): Incident[] {
    if (rows.length === 0) return [];
    const alerts = this.db
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
      )
      .all();
    return rows.map((r) =>
      toIncident(
        r,
        alerts.filter((a) => a.incidentId === r.id),
      ),
    );
  }
}
