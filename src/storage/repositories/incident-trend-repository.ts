/** New incidents by severity over a period, for the weekly incident chart and the workbook. */
import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import { Repository } from "../handle.js";

/** Counts of the incident tables for charts and exports. */
export class IncidentTrendRepository extends Repository {
  /** Incidents created in [from, to) by severity. */
  async newBySeverity(tenant: string, from: Date, to: Date): Promise<Record<string, number>> {
    const { incidents } = this.t;
    const created = sql<string>`coalesce(${incidents.createdAt}, ${incidents.firstSeenAt})`;
    const rows = await this.q((db) =>
      db
        .select({ severity: incidents.severity, n: count() })
        .from(incidents)
        .where(and(eq(incidents.tenant, tenant), gte(created, from.toISOString()), lt(created, to.toISOString())))
        .groupBy(incidents.severity),
    );
    return Object.fromEntries(rows.map((r) => [r.severity, r.n]));
  }
}
