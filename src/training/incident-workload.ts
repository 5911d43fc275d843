/**
 * The incident workload provider over the stored incidents (src/storage/schema/incidents.ts):
 * incidents whose assignedTo names the person and that were updated in the window, counted once per
 * skill area their alerts' serviceSource maps to (the catalog's serviceSources table).
 */
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { fromDate } from "../domain/incident-time.js";
import type { Db } from "../storage/db.js";
import { incidentAlerts, incidents } from "../storage/schema/incidents.js";
import type { TrainingCatalog } from "./catalog.js";
import type { IncidentWorkload } from "./workload.js";

/**
 * Counts from the incidents tables. Incidents belong to Graph tenants, not chat workspaces:
 * `tenantsOf` limits a workspace to its tenants; without it every synced tenant counts (one Graph
 * tenant per deployment). Matching is by email/UPN or display name, case-insensitive.
 */
export function createIncidentWorkload(
  db: Db,
  catalog: TrainingCatalog,
  tenantsOf?: (workspace: string) => readonly string[],
): IncidentWorkload {
  return {
    countsFor(workspace, person, since) {
      const names = [person.email, person.displayName]
        .filter((n): n is string => !!n && n.trim() !== "")
        .map((n) => n.trim().toLowerCase());
      if (names.length === 0) return new Map();
      const tenants = tenantsOf?.(workspace);
      if (tenants && tenants.length === 0) return new Map();
      const rows = db
        .selectDistinct({ tenant: incidents.tenant, id: incidents.id, source: incidentAlerts.serviceSource })
        .from(incidents)
        .innerJoin(
          incidentAlerts,
          and(eq(incidentAlerts.tenant, incidents.tenant), eq(incidentAlerts.incidentId, incidents.id)),
        )
        .where(
          and(
            inArray(sql`lower(trim(${incidents.assignedTo}))`, names),
            gte(incidents.lastUpdateAt, fromDate(since)),
            tenants ? inArray(incidents.tenant, [...tenants]) : undefined,
          ),
        )
        .all();
      const perSkill = new Map<string, Set<string>>();
      for (const row of rows) {
        const skill = catalog.serviceSources[row.source.toLowerCase()];
        if (!skill) continue;
        perSkill.set(skill, (perSkill.get(skill) ?? new Set<string>()).add(`${row.tenant}\u0000${row.id}`));
      }
      return new Map([...perSkill].map(([skill, ids]) => [skill, ids.size]));
    },
  };
}
