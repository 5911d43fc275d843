/**
 * Slack installations of the distributed app (OAuth mode): one row per workspace, or per Enterprise
 * Grid organisation for an org-wide install. `sealed` holds the whole installation Slack returned
 * (bot token, any user or refresh token) encrypted with SECOPS_ENCRYPTION_KEY; the other columns
 * are plain so the bot can find a row and count installs without decrypting anything.
 */
import { boolean, pgTable, text } from "drizzle-orm/pg-core";

/** One installation; `key` is `team:<team id>` or `enterprise:<enterprise id>`. */
export const slackInstallations = pgTable("slack_installations", {
  key: text("key").primaryKey(),
  teamId: text("team_id"),
  enterpriseId: text("enterprise_id"),
  isEnterpriseInstall: boolean("is_enterprise_install").notNull(),
  botUserId: text("bot_user_id"),
  sealed: text("sealed").notNull(),
  installedAt: text("installed_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});
