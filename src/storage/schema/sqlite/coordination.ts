/** What lets several processes on one database act as one bot: delivery lanes and job leases. */
import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * A conversation's delivery lane: the one dispatcher (`holder`) that sends its messages until
 * `leaseUntil`, so order and the platform's per-conversation rate limit hold across replicas.
 */
export const outboxLanes = sqliteTable(
  "outbox_lanes",
  {
    workspace: text("workspace").notNull(),
    platform: text("platform").notNull(),
    conversationId: text("conversation_id").notNull(),
    holder: text("holder").notNull(),
    leaseUntil: text("lease_until").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.platform, t.conversationId] })],
);

/** A named lease (e.g. "jobs"): the process that holds it until `expiresAt` runs what must run once. */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  acquiredAt: text("acquired_at").notNull(),
  expiresAt: text("expires_at").notNull(),
});
