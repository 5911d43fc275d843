/**
 * Who is an admin from the start: everyone in SECOPS_ADMINS and, when the console runs, its default
 * user ("console"). A console started as someone else (CONSOLE_USER=dana) acts as that person with
 * their stored role, which is how a team tries the permission model without Slack or Teams.
 */

/** The console's default user, the only console identity that is an admin without SECOPS_ADMINS. */
export const DEFAULT_CONSOLE_USER = "console";

/** The platform ids and emails that are always admins. */
export function startupAdmins(listed: readonly string[], consoleRuns: boolean): string[] {
  return consoleRuns ? [...listed, DEFAULT_CONSOLE_USER] : [...listed];
}
