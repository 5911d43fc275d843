/** Files offered with a Teams file consent card, kept until the person accepts or declines (or the offer expires). */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/** One offered file, by the token its consent card carries; any replica (or a restarted one) can upload it. */
export const fileOffers = sqliteTable("file_offers", {
  token: text("token").primaryKey(),
  workspace: text("workspace").notNull(),
  userId: text("user_id").notNull(),
  file: text("file", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
});
