/**
 * The digest's alert numbers, read from the synced incidents of a Graph tenant. Acknowledged = the
 * first time an incident left `active` or got an owner; resolved = its status became `resolved`.
 * Times come from the incident history (the lastUpdateDateTime that carried them).
 */
import { and, count, eq, gte, lt, notInArray, sql, type SQL } from "drizzle-orm";
import type { AlertWeekStats } from "../../domain/alert-stats.js";
import { touchedAssets, type WatchedAsset } from "../../domain/incident-assets.js";
import { CLOSED_STATUSES } from "../../domain/incident.js";
import { Repository } from "../handle.js";

/** Mean of (end − start) in minutes over pairs whose start is known; undefined when there is none. */
export function meanMinutes(pairs: readonly { start: string | null; end: string }[]): number | undefined {
  const spans = pairs
    .filter((p) => p.start)
    .map((p) => (Date.parse(p.end) - Date.parse(p.start ?? "")) / 60_000)
    .filter((m) => m >= 0);
  return spans.length ? spans.reduce((a, b) => a + b, 0) / spans.length : undefined;
}

/** Week numbers over the incidents tables. */
export class IncidentStatsRepository extends Repository {
  /** The tenant's numbers for [from, to), or undefined when no incident was ever synced for it. */
  async weekStats(
    tenant: string,
    fromDate: Date,
    toDate: Date,
    honeypots: readonly WatchedAsset[],
  ): Promise<AlertWeekStats | undefined> {
    const { incidents, incidentAlerts } = this.t;
    const [from, to] = [fromDate.toISOString(), toDate.toISOString()];
    const [any] = await this.q((db) =>
      db.select({ id: incidents.id }).from(incidents).where(eq(incidents.tenant, tenant)).limit(1),
    );
    if (!any) return undefined;
    const created = sql<string>`coalesce(${incidents.createdAt}, ${incidents.firstSeenAt})`;
    const [fresh] = await this.q((db) =>
      db
        .select({ n: count() })
        .from(incidents)
        .where(and(eq(incidents.tenant, tenant), gte(created, from), lt(created, to))),
    );
    const { incidentChanges } = this.t;
    const resolved = await this.firstTimes(
      tenant,
      from,
      to,
      // An incident first seen already resolved was resolved when it arrived ("created" carries its status).
      sql`${incidentChanges.field} in ('status', 'created') and ${incidentChanges.newValue} = 'resolved'`,
    );
    const acknowledged = await this.firstTimes(
      tenant,
      from,
      to,
      sql`(${incidentChanges.field} = 'status' and ${incidentChanges.newValue} <> 'active') or (${incidentChanges.field} = 'assignedTo' and ${incidentChanges.newValue} is not null)`,
    );
    const newAlerts = await this.q((db) =>
      db
        .select({ evidence: incidentAlerts.evidence })
        .from(incidentAlerts)
        .where(
          and(eq(incidentAlerts.tenant, tenant), gte(incidentAlerts.createdAt, from), lt(incidentAlerts.createdAt, to)),
        ),
    );
    const [resolvedAlerts] = await this.q((db) =>
      db
        .select({ n: count() })
        .from(incidentAlerts)
        .where(
          and(
            eq(incidentAlerts.tenant, tenant),
            eq(incidentAlerts.status, "resolved"),
            gte(incidentAlerts.lastUpdateAt, from),
            lt(incidentAlerts.lastUpdateAt, to),
          ),
        ),
    );
    const open = await this.q((db) =>
      db
        .select({ severity: incidents.severity, n: count() })
        .from(incidents)
        .where(and(eq(incidents.tenant, tenant), notInArray(incidents.status, [...CLOSED_STATUSES])))
        .groupBy(incidents.severity),
    );
    const meanAck = meanMinutes(acknowledged.map((a) => ({ start: a.start, end: a.at })));
    const meanResolve = meanMinutes(resolved.map((r) => ({ start: r.start, end: r.at })));
    return {
      newIncidents: fresh?.n ?? 0,
      resolvedIncidents: resolved.length,
      newAlerts: newAlerts.length,
      resolvedAlerts: resolvedAlerts?.n ?? 0,
      openBySeverity: Object.fromEntries(open.map((o) => [o.severity, o.n])),
      ...(meanAck !== undefined ? { meanMinutesToAcknowledge: meanAck } : {}),
      ...(meanResolve !== undefined ? { meanMinutesToResolve: meanResolve } : {}),
      honeypotTouches: honeypots.length
        ? newAlerts.filter((a) => touchedAssets(a.evidence, honeypots).length > 0).length
        : 0,
    };
  }

  /** Per incident, the first change matching `condition`, when that first change falls in [from, to). */
  private firstTimes(tenant: string, from: string, to: string, condition: SQL) {
    const { incidents, incidentChanges } = this.t;
    const created = sql<string>`coalesce(${incidents.createdAt}, ${incidents.firstSeenAt})`;
    const first = sql<string>`min(${incidentChanges.changedAt})`;
    return this.q((db) =>
      db
        .select({ id: incidentChanges.incidentId, at: first, start: sql<string | null>`min(${created})` })
        .from(incidentChanges)
        .innerJoin(
          incidents,
          and(eq(incidents.tenant, incidentChanges.tenant), eq(incidents.id, incidentChanges.incidentId)),
        )
        .where(and(eq(incidentChanges.tenant, tenant), condition))
        .groupBy(incidentChanges.incidentId)
        .having(sql`${first} >= ${from} and ${first} < ${to}`),
    );
  }
}
