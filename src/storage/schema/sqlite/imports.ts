/** Imports of the team's tracking workbook waiting for `import apply`: the previewed changes, nothing applied yet. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One previewed import; applied or discarded at most once. */
export const pendingImports = sqliteTable("pending_imports", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  workspace: text("workspace").notNull(),
  createdBy: integer("created_by").notNull(),
  fileName: text("file_name").notNull(),
  changes: text("changes", { mode: "json" }).$type<unknown[]>().notNull(),
  state: text("state", { enum: ["pending", "applied", "discarded"] })
    .notNull()
    .default("pending"),
  createdAt: text("created_at").notNull(),
});
