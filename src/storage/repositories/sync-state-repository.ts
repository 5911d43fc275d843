/** The incident sync's cursor and in-progress run, per Graph tenant and stream (incidents, alerts). */
import { and, eq } from "drizzle-orm";
import type { Tables } from "../engine/types.js";
import { Repository } from "../handle.js";

/** Where a stream stands. */
export type SyncState = Tables["incidentSyncState"]["$inferSelect"];

/** Access to sync state; the page-level writes are meant to run inside the page's unit of work. */
export class SyncStateRepository extends Repository {
  /** The stream's state, or undefined before its first run. */
  async get(tenant: string, stream: string): Promise<SyncState | undefined> {
    const [row] = await this.q((db) => db.select().from(this.t.incidentSyncState).where(this.key(tenant, stream)));
    return row;
  }

  /** Starts (or resumes) a run reading from `since`. */
  async beginRun(tenant: string, stream: string, since: string): Promise<void> {
    const { incidentSyncState } = this.t;
    await this.q((db) =>
      db
        .insert(incidentSyncState)
        .values({ tenant, stream, runSince: since, runPages: 0, runItems: 0 })
        .onConflictDoUpdate({ target: [incidentSyncState.tenant, incidentSyncState.stream], set: { runSince: since } }),
    );
  }

  /** Records a stored page; on the last page the cursor moves to `cursor` and the run ends. */
  async pageStored(
    tenant: string,
    stream: string,
    page: { runMax: string | null; items: number; lastCursor?: string },
    now: Date,
  ): Promise<void> {
    const { incidentSyncState } = this.t;
    const state = await this.get(tenant, stream);
    const progress = {
      runMax: page.runMax,
      runPages: (state?.runPages ?? 0) + 1,
      runItems: (state?.runItems ?? 0) + page.items,
    };
    const change =
      page.lastCursor === undefined
        ? progress
        : {
            cursor: page.lastCursor,
            runSince: null,
            runMax: null,
            runPages: 0,
            runItems: 0,
            lastSuccessAt: now.toISOString(),
            lastError: null,
            lastErrorAt: null,
          };
    await this.q((db) => db.update(incidentSyncState).set(change).where(this.key(tenant, stream)));
  }

  /** Remembers why the last run failed (the run and cursor stay as they were). */
  async failed(tenant: string, stream: string, message: string, now: Date): Promise<void> {
    const { incidentSyncState } = this.t;
    const failure = { lastError: message.slice(0, 500), lastErrorAt: now.toISOString() };
    await this.q((db) =>
      db
        .insert(incidentSyncState)
        .values({ tenant, stream, ...failure })
        .onConflictDoUpdate({ target: [incidentSyncState.tenant, incidentSyncState.stream], set: failure }),
    );
  }

  private key(tenant: string, stream: string) {
    const { incidentSyncState } = this.t;
    return and(eq(incidentSyncState.tenant, tenant), eq(incidentSyncState.stream, stream));
  }
}
