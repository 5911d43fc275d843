/** Imports of the team's tracking workbook waiting for `import apply`: the previewed changes, nothing applied yet. */
import { integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** One previewed import; applied or discarded at most once. */
export const pendingImports = pgTable("pending_imports", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  workspace: text("workspace").notNull(),
  createdBy: integer("created_by").notNull(),
  fileName: text("file_name").notNull(),
  changes: jsonb("changes").$type<unknown[]>().notNull(),
  state: text("state", { enum: ["pending", "applied", "discarded"] })
    .notNull()
    .default("pending"),
  createdAt: text("created_at").notNull(),
});
