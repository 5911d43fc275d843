/** Links from a workspace to the Microsoft Graph tenant whose incidents it may see (`graph link`). */
import { count, eq } from "drizzle-orm";
import { Repository } from "../handle.js";

export interface GraphLink {
  workspace: string;
  tenant: string;
  linkedBy: number | null;
  linkedAt: string;
}

export class GraphLinkRepository extends Repository {
  /** The workspace's link, if it has one. */
  async get(workspace: string): Promise<GraphLink | undefined> {
    const { graphTenantLinks } = this.t;
    const [row] = await this.q((db) =>
      db.select().from(graphTenantLinks).where(eq(graphTenantLinks.workspace, workspace)),
    );
    return row;
  }

  /** Links (or re-links) a workspace to a tenant. */
  async set(workspace: string, tenant: string, linkedBy: number | null, now: Date): Promise<void> {
    const { graphTenantLinks } = this.t;
    const row = { tenant, linkedBy, linkedAt: now.toISOString() };
    await this.q((db) =>
      db
        .insert(graphTenantLinks)
        .values({ workspace, ...row })
        .onConflictDoUpdate({ target: graphTenantLinks.workspace, set: row }),
    );
  }

  /** Removes a workspace's link; true when there was one. */
  async remove(workspace: string): Promise<boolean> {
    const { graphTenantLinks } = this.t;
    const gone = await this.q((db) =>
      db
        .delete(graphTenantLinks)
        .where(eq(graphTenantLinks.workspace, workspace))
        .returning({ workspace: graphTenantLinks.workspace }),
    );
    return gone.length > 0;
  }

  /** How many workspaces are linked. */
  async count(): Promise<number> {
    const { graphTenantLinks } = this.t;
    const [row] = await this.q((db) => db.select({ n: count() }).from(graphTenantLinks));
    return Number(row?.n ?? 0);
  }
}
