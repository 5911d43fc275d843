/** New incidents by severity over a period, for the weekly incident chart and the workbook; async for a second engine. */
import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../db.js";
import { incidents } from "../schema/incidents.js";

/** Counts of the incident tables for charts and exports. */
export class IncidentTrendRepository {
  constructor(private readonly db: Db) {}

  /** Incidents created in [from, to) by severity. */
  async newBySeverity(tenant: string, from: Date, to: Date): Promise<Record<string, number>> {
    const created = sql<string>`coalesce(${incidents.createdAt}, ${incidents.firstSeenAt})`;
    const rows = this.db
      .select({ severity: incidents.severity, n: count() })
      .from(incidents)
      .where(and(eq(incidents.tenant, tenant), gte(created, from.toISOString()), lt(created, to.toISOString())))
      .groupBy(incidents.severity)
      .all();
    return Object.fromEntries(rows.map((r) => [r.severity, r.n]));
  }
}
