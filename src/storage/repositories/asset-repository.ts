/** Reads and writes the honeypot and business-critical assets each workspace watches. */
import { and, eq } from "drizzle-orm";
import type { AssetMark, AssetType, WatchedAsset } from "../../domain/incident-assets.js";
import { Repository } from "../handle.js";

/** Access to watched assets, always within one workspace. */
export class AssetRepository extends Repository {
  /** Marks an asset (replacing an earlier mark of the same name); returns the previous mark, if any. */
  async put(
    workspace: string,
    asset: { type: AssetType; value: string; label: string; mark: AssetMark },
    createdBy: number | null,
    now: Date,
  ): Promise<AssetMark | undefined> {
    const { watchedAssets } = this.t;
    const before = await this.get(workspace, asset.value);
    await this.q((db) =>
      db
        .insert(watchedAssets)
        .values({ workspace, ...asset, createdBy, createdAt: now.toISOString() })
        .onConflictDoUpdate({
          target: [watchedAssets.workspace, watchedAssets.value],
          set: { mark: asset.mark, label: asset.label, type: asset.type },
        }),
    );
    return before?.mark;
  }

  /** One watched asset by normalized value. */
  async get(workspace: string, value: string): Promise<WatchedAsset | undefined> {
    const { watchedAssets } = this.t;
    const rows = await this.q((db) =>
      db
        .select({
          type: watchedAssets.type,
          value: watchedAssets.value,
          label: watchedAssets.label,
          mark: watchedAssets.mark,
        })
        .from(watchedAssets)
        .where(and(eq(watchedAssets.workspace, workspace), eq(watchedAssets.value, value))),
    );
    return rows[0];
  }

  /** Stops watching an asset; true when it was watched. */
  async remove(workspace: string, value: string): Promise<boolean> {
    const { watchedAssets } = this.t;
    const removed = await this.q((db) =>
      db
        .delete(watchedAssets)
        .where(and(eq(watchedAssets.workspace, workspace), eq(watchedAssets.value, value)))
        .returning({ value: watchedAssets.value }),
    );
    return removed.length > 0;
  }

  /** Every watched asset of the workspace by mark, then by name (sorted here: the engines' collations differ). */
  async all(workspace: string): Promise<WatchedAsset[]> {
    const { watchedAssets } = this.t;
    const rows = await this.q((db) =>
      db
        .select({
          type: watchedAssets.type,
          value: watchedAssets.value,
          label: watchedAssets.label,
          mark: watchedAssets.mark,
        })
        .from(watchedAssets)
        .where(eq(watchedAssets.workspace, workspace)),
    );
    const key = (a: WatchedAsset) => `${a.mark}\u0000${a.value}`;
    return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  /** Every workspace watching at least one asset with this mark, sorted. */
  async workspacesWatching(mark: AssetMark): Promise<string[]> {
    const { watchedAssets } = this.t;
    const rows = await this.q((db) =>
      db.selectDistinct({ workspace: watchedAssets.workspace }).from(watchedAssets).where(eq(watchedAssets.mark, mark)),
    );
    return rows.map((r) => r.workspace).sort();
  }
}
