/** The people a workspace named on the guidance's stakeholder roles (sponsor, program lead, architect, …). */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { people } from "./people.js";

/** One person on one stakeholder role in one workspace. */
export const stakeholders = sqliteTable(
  "stakeholders",
  {
    workspace: text("workspace").notNull(),
    role: text("role").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    assignedBy: integer("assigned_by"),
    assignedAt: text("assigned_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.role, t.personId] })],
);
