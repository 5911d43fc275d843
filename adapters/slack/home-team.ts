/**
 * The workspace the bot token belongs to (auth.test) and the email domains Slack verified for it
 * (team.info's email_domain, the "joining this workspace" domains; needs the team:read scope).
 * An org-wide Enterprise Grid install serves many workspaces, so it has no single home.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";
import type { HomeTeam } from "./people.js";

/** Reads the home team; undefined for org-wide installs or when Slack does not say. */
export async function homeTeam(client: webApi.WebClient, log: Logger): Promise<HomeTeam | undefined> {
  const auth = await client.auth.test();
  if (auth.is_enterprise_install || !auth.team_id) {
    log.info({}, "Slack: org-wide install; SECOPS_ADMINS must name Slack admins as <team id>/<user id>");
    return undefined;
  }
  let emailDomains: string[] = [];
  try {
    const info = await client.team.info();
    emailDomains = (info.team?.email_domain ?? "")
      .split(",")
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean);
  } catch (err) {
    log.warn(
      { err: err instanceof Error ? err.message : String(err) },
      "Slack: team.info failed (team:read scope?); email entries in SECOPS_ADMINS will not match in Slack",
    );
  }
  return { teamId: auth.team_id, emailDomains };
}
