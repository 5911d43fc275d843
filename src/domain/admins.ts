/**
 * Who SECOPS_ADMINS makes an admin. An entry is `<workspace id>/<user id>` (Slack team/user id,
 * Teams tenant/Entra object id), a bare user id (honoured only in the workspace the bot is
 * configured for), or an email (honoured only when the platform vouches for it: the Slack
 * workspace's own verified email domain, or the configured Entra tenant). A tenant that sets a
 * matching mail attribute on its own user therefore gains nothing.
 */
import type { Identity } from "../core/incoming.js";

/** True when `identity`, acting in `workspace` (e.g. `slack:T0123`, `teams:<tenant>`), is listed. */
export function isListedAdmin(entries: readonly string[], workspace: string, identity: Identity): boolean {
  const workspaceId = workspace.slice(workspace.indexOf(":") + 1).toLowerCase();
  const userId = identity.userId.toLowerCase();
  const email = identity.email?.toLowerCase();
  return entries.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry.includes("@")) return identity.emailVerified === true && !!email && entry === email;
    const slash = entry.indexOf("/");
    if (slash >= 0) return entry.slice(0, slash) === workspaceId && entry.slice(slash + 1) === userId;
    return identity.homeWorkspace === true && entry === userId;
  });
}
