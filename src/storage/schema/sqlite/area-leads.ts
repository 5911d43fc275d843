/** The people a workspace named to lead one plan area (`arealead S2 @dana`); an area with none falls back to the leads. */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { people } from "./people.js";

/** One person leading one plan area in one workspace. */
export const areaLeads = sqliteTable(
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
