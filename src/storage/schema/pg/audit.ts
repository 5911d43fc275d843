/** The change history: who changed what, when, from which value to which. */
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";

/** One row per recorded change to a task, a person's role, a subscription or an incident. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workspace: text("workspace").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    note: text("note"),
    at: text("at").notNull(),
  },
  (t) => [index("audit_entity").on(t.workspace, t.entityType, t.entityId)],
);
