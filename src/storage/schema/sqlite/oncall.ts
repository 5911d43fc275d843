/** Who a workspace pings when a honeypot is touched (`oncall @person…`); empty means its leads and admins. */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { people } from "./people.js";

/** One row per person on duty in a workspace. */
export const oncall = sqliteTable(
  "oncall",
  {
    workspace: text("workspace").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    since: text("since").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.personId] })],
);
