/** The outbox as the monthly report sees it: enqueue once per key; async so a second engine can serve it. */
import { enqueue, type OutboxItem } from "../../delivery/outbox.js";
import { hasKey } from "../../delivery/outbox-rows.js";
import type { Db } from "../db.js";

/** Enqueues proactive messages with idempotency keys. */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** True when an item with this key was ever enqueued. */
  async has(key: string): Promise<boolean> {
    return hasKey(this.db, key);
  }

  /** Enqueues every item in one transaction (each only once by key); returns how many were new. */
  async enqueueAll(items: readonly OutboxItem[], now: Date): Promise<number> {
    return this.db.transaction(() => items.filter((item) => enqueue(this.db, item, now)).length);
  }
}
