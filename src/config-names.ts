/**
 * Every environment variable the bot reads, and the check that reports a variable whose name is a
 * near miss of one of them (MicrosoftAppID, SLACK_SIGNING_SECRT): a misspelt security setting must
 * not be silently ignored, since the bot would then start with that setting off.
 */

/** The names src/config.ts and src/config-graph.ts read. */
export const KNOWN_VARIABLES = [
  "SECOPS_PLATFORMS",
  "SECOPS_ADMINS",
  "SECOPS_TEAMS_NO_AUTH",
  "SECOPS_STATUS_TOKEN",
  "DATABASE_URL",
  "PORT",
  "LOG_LEVEL",
  "CONSOLE_USER",
  "TRAINING_NUDGE_DAYS",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_API_URL",
  "SLACK_CLIENT_ID",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "SECOPS_ENCRYPTION_KEY",
  "SECOPS_GRAPH_TENANT_WORKSPACES",
  "MicrosoftAppId",
  "MicrosoftAppPassword",
  "MicrosoftAppType",
  "MicrosoftAppTenantId",
  "MICROSOFT_APP_ID",
  "MICROSOFT_APP_PASSWORD",
  "MICROSOFT_APP_TYPE",
  "MICROSOFT_APP_TENANT_ID",
  "AZURE_TENANT_ID",
  "AZURE_CLIENT_ID",
  "AZURE_CLIENT_SECRET",
  "AZURE_CLIENT_CERTIFICATE_PATH",
  "AZURE_USE_MANAGED_IDENTITY",
  "AZURE_AUTHORITY_HOST",
  "GRAPH_BASE_URL",
  "GRAPH_POLL_SECONDS",
  "GRAPH_BACKFILL_DAYS",
  "DEFENDER_PORTAL_HOST",
] as const;

const KNOWN = new Set<string>(KNOWN_VARIABLES);

/** Lower case without separators: MicrosoftAppID and MICROSOFT_APP_ID both become microsoftappid. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[_\-.]/g, "");
}

/** Edit distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    if (Math.min(...row) > max) return max + 1;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
}

/** The known variable `name` was probably meant to be, when it is not itself known. */
export function meantVariable(name: string): string | undefined {
  if (KNOWN.has(name) || name.length < 8) return undefined;
  const mine = folded(name);
  const shouting = (s: string) => s === s.toUpperCase();
  let best: { known: string; score: number } | undefined;
  for (const known of KNOWN_VARIABLES) {
    const theirs = folded(known);
    const distanceScore = mine === theirs ? 0 : theirs.length >= 10 ? distance(mine, theirs, 2) : 3;
    const score = distanceScore + (shouting(known) === shouting(name) ? 0 : 0.5);
    if (distanceScore <= 2 && (!best || score < best.score)) best = { known, score };
  }
  return best?.known;
}

/** One problem line per set variable whose name is a near miss of a known one. */
export function misspeltVariables(env: Record<string, string | undefined>): string[] {
  return Object.keys(env)
    .filter((name) => env[name]?.trim())
    .flatMap((name) => {
      const meant = meantVariable(name);
      return meant ? [`${name}: not a setting this bot reads; did you mean ${meant}?`] : [];
    });
}
