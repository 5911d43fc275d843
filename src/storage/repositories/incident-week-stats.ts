/**
 * The digest's alert numbers, read from the synced incidents of the alert feed's Graph tenant.
 * Acknowledged = the first time an incident left `active` or got an owner; resolved = its status
 * became `resolved`. Times come from the incident history (the lastUpdateDateTime that carried them).
 */
import { and, count, eq, gte, lt, notInArray, sql } from "drizzle-orm";
import type { AlertStatsProvider, AlertWeekStats } from "../../domain/alert-stats.js";
import { touchedAssets } from "../../domain/incident-assets.js";
import { CLOSED_STATUSES } from "../../domain/incident.js";
import type { Db } from "../db.js";
import { incidentAlerts, incidentChanges, incidents } from "../schema/incidents.js";
import type { AssetRepository } from "./asset-repository.js";

/** Mean of (end − start) in minutes over pairs whose start is known; undefined when there is none. */
export function meanMinutes(pairs: readonly { start: string | null; end: string }[]): number | undefined {
  const spans = pairs
    .filter((p) => p.start)
    .map((p) => (Date.parse(p.end) - Date.parse(p.start ?? "")) / 60_000)
    .filter((m) => m >= 0);
  return spans.length ? spans.reduce((a, b) => a + b, 0) / spans.length : undefined;
}

/** The provider over the incidents tables; `tenant` names the Graph tenant the feed reads. */
export function createIncidentWeekStats(db: Db, tenant: () => string, assets: AssetRepository): AlertStatsProvider {
  return {
    weekStats(workspace, fromDate, toDate): AlertWeekStats | undefined {
      const t = tenant();
      const [from, to] = [fromDate.toISOString(), toDate.toISOString()];
      if (!db.select({ id: incidents.id }).from(incidents).where(eq(incidents.tenant, t)).limit(1).get())
        return undefined;
      const created = sql<string>`coalesce(${incidents.createdAt}, ${incidents.firstSeenAt})`;
      const newIncidents =
        db
          .select({ n: count() })
          .from(incidents)
          .where(and(eq(incidents.tenant, t), gte(created, from), lt(created, to)))
          .get()?.n ?? 0;
      const firstTimes = (condition: ReturnType<typeof sql>) =>
        db
          .select({
            id: incidentChanges.incidentId,
            at: sql<string>`min(${incidentChanges.changedAt})`,
            start: created,
          })
          .from(incidentChanges)
          .innerJoin(
            incidents,
            and(eq(incidents.tenant, incidentChanges.tenant), eq(incidents.id, incidentChanges.incidentId)),
          )
          .where(and(eq(incidentChanges.tenant, t), condition))
          .groupBy(incidentChanges.incidentId)
          .having(sql`min(${incidentChanges.changedAt}) >= ${from} and min(${incidentChanges.changedAt}) < ${to}`)
          .all();
      const resolved = firstTimes(
        sql`${incidentChanges.field} = 'status' and ${incidentChanges.newValue} = 'resolved'`,
      );
      const acknowledged = firstTimes(
        sql`(${incidentChanges.field} = 'status' and ${incidentChanges.newValue} <> 'active') or (${incidentChanges.field} = 'assignedTo' and ${incidentChanges.newValue} is not null)`,
      );
      const alertsIn = and(
        eq(incidentAlerts.tenant, t),
        gte(incidentAlerts.createdAt, from),
        lt(incidentAlerts.createdAt, to),
      );
      const newAlerts = db.select({ evidence: incidentAlerts.evidence }).from(incidentAlerts).where(alertsIn).all();
      const resolvedAlerts =
        db
          .select({ n: count() })
          .from(incidentAlerts)
          .where(
            and(
              eq(incidentAlerts.tenant, t),
              eq(incidentAlerts.status, "resolved"),
              gte(incidentAlerts.lastUpdateAt, from),
              lt(incidentAlerts.lastUpdateAt, to),
            ),
          )
          .get()?.n ?? 0;
      const open = db
        .select({ severity: incidents.severity, n: count() })
        .from(incidents)
        .where(and(eq(incidents.tenant, t), notInArray(incidents.status, [...CLOSED_STATUSES])))
        .groupBy(incidents.severity)
        .all();
      const honeypots = assets.all(workspace).filter((a) => a.mark === "honeypot");
      const meanAck = meanMinutes(acknowledged.map((a) => ({ start: a.start, end: a.at })));
      const meanResolve = meanMinutes(resolved.map((r) => ({ start: r.start, end: r.at })));
      return {
        newIncidents,
        resolvedIncidents: resolved.length,
        newAlerts: newAlerts.length,
        resolvedAlerts,
        openBySeverity: Object.fromEntries(open.map((o) => [o.severity, o.n])),
        ...(meanAck !== undefined ? { meanMinutesToAcknowledge: meanAck } : {}),
        ...(meanResolve !== undefined ? { meanMinutesToResolve: meanResolve } : {}),
        honeypotTouches: honeypots.length
          ? newAlerts.filter((a) => touchedAssets(a.evidence, honeypots).length > 0).length
          : 0,
      };
    },
  };
}
