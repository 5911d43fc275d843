/**
 * Each honeypot an incident touched, once per workspace watching it: the row's insert decides who is
 * pinged (exactly once, on any number of replicas), and `pinged` = 0 is what the digest counts as
 * "nobody to ping".
 */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One honeypot touched by one incident, as seen by one workspace. */
export const honeypotTouches = sqliteTable(
  "honeypot_touches",
  {
    workspace: text("workspace").notNull(),
    tenant: text("tenant").notNull(),
    incidentId: text("incident_id").notNull(),
    asset: text("asset").notNull(),
    /** How many people were pinged (on call, or the leads and admins). */
    pinged: integer("pinged").notNull(),
    touchedAt: text("touched_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.tenant, t.incidentId, t.asset] })],
);
