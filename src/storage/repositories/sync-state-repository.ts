/** The incident sync's cursor and in-progress run, per Graph tenant and stream (incidents, alerts). */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db.js";
import { incidentSyncState } from "../schema/incidents.js";

/** Where a stream stands. */
export type SyncState = typeof incidentSyncState.$inferSelect;

/** Access to sync state; the page-level writes are meant to run inside the page's transaction. */
export class SyncStateRepository {
  constructor(private readonly db: Db) {}

  /** The stream's state, or undefined before its first run. */
  get(tenant: string, stream: string): SyncState | undefined {
    return this.db
      .select()
      .from(incidentSyncState)
      .where(and(eq(incidentSyncState.tenant, tenant), eq(incidentSyncState.stream, stream)))
      .get();
  }

  /** Starts (or resumes) a run reading from `since`. */
  beginRun(tenant: string, stream: string, since: string): void {
    this.db
      .insert(incidentSyncState)
      .values({ tenant, stream, runSince: since, runPages: 0, runItems: 0 })
      .onConflictDoUpdate({ target: [incidentSyncState.tenant, incidentSyncState.stream], set: { runSince: since } })
      .run();
  }

  /** Records a stored page; on the last page the cursor moves to `cursor` and the run ends. */
  pageStored(
    tenant: string,
    stream: string,
    page: { runMax: string | null; items: number; lastCursor?: string },
    now: Date,
  ): void {
    const where = and(eq(incidentSyncState.tenant, tenant), eq(incidentSyncState.stream, stream));
    const state = this.get(tenant, stream);
    const progress = {
      runMax: page.runMax,
      runPages: (state?.runPages ?? 0) + 1,
      runItems: (state?.runItems ?? 0) + page.items,
    };
    if (page.lastCursor === undefined) {
      this.db.update(incidentSyncState).set(progress).where(where).run();
      return;
    }
    this.db
      .update(incidentSyncState)
      .set({
        cursor: page.lastCursor,
        runSince: null,
        runMax: null,
        runPages: 0,
        runItems: 0,
        lastSuccessAt: now.toISOString(),
        lastError: null,
        lastErrorAt: null,
      })
      .where(where)
      .run();
  }

  /** Remembers why the last run failed (the run and cursor stay as they were). */
  failed(tenant: string, stream: string, message: string, now: Date): void {
    this.db
      .insert(incidentSyncState)
      .values({ tenant, stream, lastError: message.slice(0, 500), lastErrorAt: now.toISOString() })
      .onConflictDoUpdate({
        target: [incidentSyncState.tenant, incidentSyncState.stream],
        set: { lastError: message.slice(0, 500), lastErrorAt: now.toISOString() },
      })
      .run();
  }
}
