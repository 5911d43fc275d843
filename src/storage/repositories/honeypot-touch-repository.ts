/** Honeypot touches per workspace: recorded once per incident and asset, counted by the digest when nobody was pinged. */
import { and, count, eq, gte, lt } from "drizzle-orm";
import { Repository } from "../handle.js";

/** One honeypot touched by one incident, as one workspace saw it. */
export interface HoneypotTouch {
  workspace: string;
  tenant: string;
  incidentId: string;
  asset: string;
  pinged: number;
}

/** Access to the honeypot_touches table. */
export class HoneypotTouchRepository extends Repository {
  /** Records a touch; true only the first time (the caller pings then, and only then). */
  async record(touch: HoneypotTouch, now: Date): Promise<boolean> {
    const { honeypotTouches } = this.t;
    const rows = await this.q((db) =>
      db
        .insert(honeypotTouches)
        .values({ ...touch, touchedAt: now.toISOString() })
        .onConflictDoNothing()
        .returning({ asset: honeypotTouches.asset }),
    );
    return rows.length > 0;
  }

  /** Touches in [from, to) that had nobody to ping. */
  async unanswered(workspace: string, from: Date, to: Date): Promise<number> {
    const { honeypotTouches: h } = this.t;
    const [row] = await this.q((db) =>
      db
        .select({ n: count() })
        .from(h)
        .where(
          and(
            eq(h.workspace, workspace),
            eq(h.pinged, 0),
            gte(h.touchedAt, from.toISOString()),
            lt(h.touchedAt, to.toISOString()),
          ),
        ),
    );
    return row?.n ?? 0;
  }
}
