/**
 * Which Microsoft Graph tenant's incidents a workspace may see, as linked by `graph link`. Links in
 * SECOPS_GRAPH_TENANT_WORKSPACES live in the settings, not here, and take precedence.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One workspace's link to the Graph tenant it sees. */
export const graphTenantLinks = sqliteTable("graph_tenant_links", {
  workspace: text("workspace").primaryKey(),
  tenant: text("tenant").notNull(),
  linkedBy: integer("linked_by"),
  linkedAt: text("linked_at").notNull(),
});
