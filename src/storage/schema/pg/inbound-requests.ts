/** Keys of platform requests already handled, so a redelivered event or click never applies twice. */
import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** One row per handled request (e.g. `slack:event:Ev123`); old rows are pruned after a day. */
export const inboundRequests = pgTable(
  "inbound_requests",
  {
    workspace: text("workspace").notNull(),
    key: text("key").notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.key] }), index("inbound_requests_received").on(t.receivedAt)],
);
