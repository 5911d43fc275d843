/** Previewed imports waiting for `import apply`. */
import { and, desc, eq } from "drizzle-orm";
import { Repository } from "../handle.js";

/** A stored preview's changes, as the importer saw them. */
export interface PendingImport {
  id: number;
  createdBy: number;
  fileName: string;
  changes: unknown[];
}

export class ImportRepository extends Repository {
  /** Stores a preview and discards the person's earlier pending ones; returns its id. */
  create(workspace: string, createdBy: number, fileName: string, changes: unknown[], now: Date): Promise<number> {
    const { pendingImports } = this.t;
    return this.h.unit(async () => {
      await this.q((db) =>
        db
          .update(pendingImports)
          .set({ state: "discarded" })
          .where(
            and(
              eq(pendingImports.workspace, workspace),
              eq(pendingImports.createdBy, createdBy),
              eq(pendingImports.state, "pending"),
            ),
          ),
      );
      const [row] = await this.q((db) =>
        db
          .insert(pendingImports)
          .values({ workspace, createdBy, fileName, changes, createdAt: now.toISOString() })
          .returning({ id: pendingImports.id }),
      );
      if (!row) throw new Error("pending import not stored");
      return row.id;
    });
  }

  /** A person's latest pending import, or one by id. */
  async pending(workspace: string, createdBy: number, id?: number): Promise<PendingImport | undefined> {
    const { pendingImports } = this.t;
    const where = [
      eq(pendingImports.workspace, workspace),
      eq(pendingImports.createdBy, createdBy),
      eq(pendingImports.state, "pending"),
    ];
    if (id !== undefined) where.push(eq(pendingImports.id, id));
    const [row] = await this.q((db) =>
      db
        .select()
        .from(pendingImports)
        .where(and(...where))
        .orderBy(desc(pendingImports.id))
        .limit(1),
    );
    return row ? { id: row.id, createdBy: row.createdBy, fileName: row.fileName, changes: row.changes } : undefined;
  }

  /** Marks a pending import applied or discarded; false when it was no longer pending (applied twice). */
  async finish(id: number, state: "applied" | "discarded"): Promise<boolean> {
    const { pendingImports } = this.t;
    const changed = await this.q((db) =>
      db
        .update(pendingImports)
        .set({ state })
        .where(and(eq(pendingImports.id, id), eq(pendingImports.state, "pending")))
        .returning({ id: pendingImports.id }),
    );
    return changed.length === 1;
  }
}
