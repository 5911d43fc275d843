/** Reads and writes the honeypot and business-critical assets each workspace watches. */
import { and, eq } from "drizzle-orm";
import type { AssetMark, AssetType, WatchedAsset } from "../../domain/incident-assets.js";
import type { Db } from "../db.js";
import { watchedAssets } from "../schema/incidents.js";

/** Access to watched assets, always within one workspace. */
export class AssetRepository {
  constructor(private readonly db: Db) {}

  /** Marks an asset (replacing an earlier mark of the same name); returns the previous mark, if any. */
  put(
    workspace: string,
    asset: { type: AssetType; value: string; label: string; mark: AssetMark },
    createdBy: number | null,
    now: Date,
  ): AssetMark | undefined {
    const before = this.get(workspace, asset.value);
    this.db
      .insert(watchedAssets)
      .values({ workspace, ...asset, createdBy, createdAt: now.toISOString() })
      .onConflictDoUpdate({
        target: [watchedAssets.workspace, watchedAssets.value],
        set: { mark: asset.mark, label: asset.label, type: asset.type },
      })
      .run();
    return before?.mark;
  }

  /** One watched asset by normalized value. */
  get(workspace: string, value: string): WatchedAsset | undefined {
    return this.db
      .select({
        type: watchedAssets.type,
        value: watchedAssets.value,
        label: watchedAssets.label,
        mark: watchedAssets.mark,
      })
      .from(watchedAssets)
      .where(and(eq(watchedAssets.workspace, workspace), eq(watchedAssets.value, value)))
      .get();
  }

  /** Stops watching an asset; true when it was watched. */
  remove(workspace: string, value: string): boolean {
    return (
      this.db
        .delete(watchedAssets)
        .where(and(eq(watchedAssets.workspace, workspace), eq(watchedAssets.value, value)))
        .run().changes > 0
    );
  }

  /** Every watched asset of the workspace, honeypots first, then by name. */
  all(workspace: string): WatchedAsset[] {
    return this.db
      .select({
        type: watchedAssets.type,
        value: watchedAssets.value,
        label: watchedAssets.label,
        mark: watchedAssets.mark,
      })
      .from(watchedAssets)
      .where(eq(watchedAssets.workspace, workspace))
      .orderBy(watchedAssets.mark, watchedAssets.value)
      .all();
  }
}
