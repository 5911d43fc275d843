/**
 * The incident workload provider over the stored incidents: incidents whose assignedTo names the
 * person and that were updated in the window, counted once per skill area their alerts'
 * serviceSource maps to (the catalog's serviceSources table).
 */
import { fromDate } from "../domain/incident-time.js";
import type { IncidentRepository } from "../storage/repositories/incident-repository.js";
import type { TrainingCatalog } from "./catalog.js";
import type { IncidentWorkload } from "./workload.js";

/**
 * Counts from the incidents tables. Incidents belong to Graph tenants, not chat workspaces:
 * `tenantsOf` limits a workspace to its tenants; without it every synced tenant counts (one Graph
 * tenant per deployment). Matching is by email/UPN or display name, case-insensitive.
 */
export function createIncidentWorkload(
  incidents: IncidentRepository,
  catalog: TrainingCatalog,
  tenantsOf?: (workspace: string) => readonly string[],
): IncidentWorkload {
  return {
    async countsFor(workspace, person, since) {
      const names = [person.email, person.displayName]
        .filter((n): n is string => !!n && n.trim() !== "")
        .map((n) => n.trim().toLowerCase());
      if (names.length === 0) return new Map();
      const tenants = tenantsOf?.(workspace);
      if (tenants && tenants.length === 0) return new Map();
      const rows = await incidents.assignedTo(names, fromDate(since), tenants);
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
