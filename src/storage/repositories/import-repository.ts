/** Previewed imports waiting for `import apply`; every method is async so a second engine can serve it. */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db.js";
import { pendingImports } from "../schema/imports.js";

/** A stored preview's changes, as the importer saw them. */
export interface PendingImport {
  id: number;
  createdBy: number;
  fileName: string;
  changes: unknown[];
}

/** Access to pending_imports. */
export class ImportRepository {
  constructor(private readonly db: Db) {}

  /** Stores a preview and discards the person's earlier pending ones; returns its id. */
  async create(workspace: string, createdBy: number, fileName: string, changes: unknown[], now: Date): Promise<number> {
    return this.db.transaction((tx) => {
      tx.update(pendingImports)
        .set({ state: "discarded" })
        .where(
          and(
            eq(pendingImports.workspace, workspace),
            eq(pendingImports.createdBy, createdBy),
            eq(pendingImports.state, "pending"),
          ),
        )
        .run();
      const row = tx
        .insert(pendingImports)
        .values({ workspace, createdBy, fileName, changes, createdAt: now.toISOString() })
        .returning({ id: pendingImports.id })
        .get();
      return row.id;
    });
  }

  /** A person's latest pending import, or one by id. */
  async pending(workspace: string, createdBy: number, id?: number): Promise<PendingImport | undefined> {
    const where = [
      eq(pendingImports.workspace, workspace),
      eq(pendingImports.createdBy, createdBy),
      eq(pendingImports.state, "pending"),
    ];
    if (id !== undefined) where.push(eq(pendingImports.id, id));
    const row = this.db
      .select()
      .from(pendingImports)
      .where(and(...where))
      .orderBy(desc(pendingImports.id))
      .limit(1)
      .get();
    return row ? { id: row.id, createdBy: row.createdBy, fileName: row.fileName, changes: row.changes } : undefined;
  }

  /** Marks a pending import applied or discarded; false when it was no longer pending (applied twice). */
  async finish(id: number, state: "applied" | "discarded"): Promise<boolean> {
    const result = this.db
      .update(pendingImports)
      .set({ state })
      .where(and(eq(pendingImports.id, id), eq(pendingImports.state, "pending")))
      .run();
    return result.changes === 1;
  }
}
