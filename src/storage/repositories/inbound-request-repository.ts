/** Claims request keys once: the idempotency guard adapters put in front of platform retries. */
import { lt } from "drizzle-orm";
import type { Db } from "../db.js";
import { inboundRequests } from "../schema/inbound-requests.js";

/** How long a key is remembered; platforms stop retrying within minutes. */
export const INBOUND_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** Access to the handled-request keys. */
export class InboundRequestRepository {
  private claims = 0;
  constructor(private readonly db: Db) {}

  /** Records the key; true the first time, false when it was handled before (a retry or replay). */
  claim(workspace: string, key: string, now: Date): boolean {
    if (++this.claims % 100 === 1) this.prune(new Date(now.getTime() - INBOUND_KEY_TTL_MS));
    const result = this.db
      .insert(inboundRequests)
      .values({ workspace, key, receivedAt: now.toISOString() })
      .onConflictDoNothing()
      .run();
    return result.changes > 0;
  }

  /** Forgets keys received before `before`. */
  prune(before: Date): void {
    this.db.delete(inboundRequests).where(lt(inboundRequests.receivedAt, before.toISOString())).run();
  }
}
