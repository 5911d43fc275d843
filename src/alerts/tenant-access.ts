/**
 * Which Microsoft Graph tenant's incidents a workspace may see. A link in SECOPS_GRAPH_TENANT_WORKSPACES
 * wins; then one made with `graph link`. With no link anywhere the deployment is one organisation
 * and every workspace sees the configured tenant, as before links existed. Once any link exists, a
 * workspace without one sees no incidents at all: a new customer's workspace starts blind, never
 * with another customer's incidents.
 */
import type { GraphLinkRepository } from "../storage/repositories/graph-link-repository.js";

/** One `tenant=workspace` pair from SECOPS_GRAPH_TENANT_WORKSPACES; `workspace` is an id (T0123) or a key (slack:T0123). */
export interface TenantWorkspaceLink {
  tenant: string;
  workspace: string;
}

/** Never a tenant id: reads with it match no incident. */
export const NO_TENANT = " ";

/** Answers which tenant a workspace sees. */
export interface TenantAccess {
  /** The tenant whose incidents `workspace` sees, or undefined when it sees none. */
  tenantFor(workspace: string): Promise<string | undefined>;
  /** The tenant the settings link `workspace` to (a `graph link` cannot change it). */
  configuredFor(workspace: string): string | undefined;
  /** The tenants a workspace may be linked to: the synced one and those named in the settings. */
  known: readonly string[];
}

/** True when a settings entry names this workspace key (`slack:T1`), by key or by bare id. */
function names(entry: string, workspace: string): boolean {
  const e = entry.toLowerCase();
  const w = workspace.toLowerCase();
  return e === w || e === w.slice(w.indexOf(":") + 1);
}

/** Builds the access rules over the settings' links, the stored ones and the synced tenant. */
export function createTenantAccess(
  configured: readonly TenantWorkspaceLink[],
  stored: GraphLinkRepository,
  syncedTenant: string,
): TenantAccess {
  const configuredFor = (workspace: string) => configured.find((l) => names(l.workspace, workspace))?.tenant;
  return {
    configuredFor,
    known: [...new Set([syncedTenant, ...configured.map((l) => l.tenant)])],
    async tenantFor(workspace) {
      const fixed = configuredFor(workspace);
      if (fixed) return fixed;
      const link = await stored.get(workspace);
      if (link) return link.tenant;
      if (configured.length === 0 && (await stored.count()) === 0) return syncedTenant;
      return undefined;
    },
  };
}
