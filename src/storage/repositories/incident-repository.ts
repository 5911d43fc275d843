/** Reads and writes synced incidents, their alerts and their change history. */
import { and, count, desc, eq, gte, inArray, notInArray, sql } from "drizzle-orm";
import type { IncidentChange } from "../../domain/incident-diff.js";
import { CLOSED_STATUSES, severityRank, type Incident, type IncidentAlert } from "../../domain/incident.js";
import type { Tables } from "../engine/types.js";
import { Repository } from "../handle.js";
import { storable } from "../text.js";

type IncidentRow = Tables["incidents"]["$inferSelect"];
type AlertRow = Tables["incidentAlerts"]["$inferSelect"];

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

  /** Stores the incident and the given (new or updated) alerts; call inside the sync's unit of work. */
  async save(incident: Incident, changedAlerts: readonly IncidentAlert[], now: Date): Promise<void> {
    const { incidents, incidentAlerts } = this.t;
    const { alerts: _a, ...fields } = incident;
    const row = storable({ ...fields, severityRank: severityRank(incident.severity) });
    await this.q((db) =>
      db
        .insert(incidents)
        .values({ ...row, firstSeenAt: now.toISOString() })
        .onConflictDoUpdate({ target: [incidents.tenant, incidents.id], set: row }),
    );
    for (const alert of changedAlerts) {
      const values = storable({ ...alert, tenant: incident.tenant, incidentId: incident.id });
      await this.q((db) =>
        db
          .insert(incidentAlerts)
          .values(values)
          .onConflictDoUpdate({ target: [incidentAlerts.tenant, incidentAlerts.id], set: values }),
      );
    }
  }

  /** Appends the meaningful changes to the history. */
  async recordChanges(
    incident: Incident,
    changes: readonly IncidentChange[],
    now: Date,
    actorName: string | null,
  ): Promise<void> {
    const { incidentChanges } = this.t;
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
    if (rows.length) await this.q((db) => db.insert(incidentChanges).values(storable(rows)));
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
    return rows.map((r) =>
      toIncident(
        r,
        alerts.filter((a) => a.incidentId === r.id),
      ),
    );
  }
}
