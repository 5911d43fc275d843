/** The people a workspace named to lead one plan area (`arealead S2 @dana`); an area with none falls back to the leads. */
import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { people } from "./people.js";

/** One person leading one plan area in one workspace. */
export const areaLeads = pgTable(
  "area_leads",
  {
    workspace: text("workspace").notNull(),
    area: text("area").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    assignedBy: integer("assigned_by"),
    assignedAt: text("assigned_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.area, t.personId] })],
);
