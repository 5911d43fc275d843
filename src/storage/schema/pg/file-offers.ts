/** Files offered with a Teams file consent card, kept until the person accepts or declines (or the offer expires). */
import { jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** One offered file, by the token its consent card carries; any replica (or a restarted one) can upload it. */
export const fileOffers = pgTable("file_offers", {
  token: text("token").primaryKey(),
  workspace: text("workspace").notNull(),
  userId: text("user_id").notNull(),
  file: jsonb("file").$type<Record<string, unknown>>().notNull(),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
});
