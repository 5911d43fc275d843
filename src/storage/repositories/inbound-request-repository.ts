/** Claims request keys once: the idempotency guard adapters put in front of platform retries, on any replica. */
import { lt } from "drizzle-orm";
import { Repository } from "../handle.js";

/** How long a key is remembered; platforms stop retrying within minutes. */
export const INBOUND_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export class InboundRequestRepository extends Repository {
  private claims = 0;

  /** Records the key; true the first time, false when it was handled before (a retry or replay). */
  async claim(workspace: string, key: string, now: Date): Promise<boolean> {
    const { inboundRequests } = this.t;
    if (++this.claims % 100 === 1) await this.prune(new Date(now.getTime() - INBOUND_KEY_TTL_MS));
    const inserted = await this.q((db) =>
      db
        .insert(inboundRequests)
        .values({ workspace, key, receivedAt: now.toISOString() })
        .onConflictDoNothing()
        .returning({ key: inboundRequests.key }),
    );
    return inserted.length > 0;
  }

  /** Forgets keys received before `before`. */
  async prune(before: Date): Promise<void> {
    const { inboundRequests } = this.t;
    await this.q((db) => db.delete(inboundRequests).where(lt(inboundRequests.receivedAt, before.toISOString())));
  }
}
