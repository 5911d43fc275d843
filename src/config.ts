/**
 * The only reader of process.env. Validates every setting at once and reports each problem with
 * the variable to fix; secrets stay inside the returned object and never reach logs.
 */
import { existsSync } from "node:fs";
import { z } from "zod";
import {
  readGraphConfig,
  readIncidentSyncConfig,
  readTenantWorkspaces,
  type GraphConfig,
  type GraphTenantWorkspace,
  type IncidentSyncConfig,
} from "./config-graph.js";
import { misspeltVariables } from "./config-names.js";
import { readEncryptionKey, readSlackConfig, slackRequested, type SlackConfig } from "./config-slack.js";
import { readTeamsConfig, type TeamsConfig } from "./config-teams.js";

/** Re-exported so adapters keep importing every setting type from here. */
export type { TeamsConfig } from "./config-teams.js";
/** Re-exported for the same reason: the Slack adapter imports its settings from here. */
export type { SlackConfig, SlackOAuthConfig } from "./config-slack.js";

/** The validated configuration. */
export interface Config {
  platforms: ("console" | "slack" | "teams")[];
  databaseUrl: string;
  /** PostgreSQL connections this process may open (DATABASE_POOL_MAX, default 10). */
  databasePoolMax: number;
  /** Certificate authorities to trust for PostgreSQL TLS (DATABASE_CA_FILE). */
  databaseCaFile?: string;
  /** PostgreSQL schema for the bot's tables (DATABASE_SCHEMA, default public). */
  databaseSchema?: string;
  port: number;
  logLevel: string;
  admins: string[];
  consoleUser: string;
  /** SECOPS_STATUS_TOKEN: shows /readyz and /healthz details to a caller off this machine that sends it as a bearer token. */
  statusToken?: string;
  /** Least days between two training nudges to one person (TRAINING_NUDGE_DAYS, default 7). */
  trainingNudgeDays: number;
  slack?: SlackConfig;
  /** SECOPS_ENCRYPTION_KEY: seals secrets the bot keeps in its database (Slack installations). */
  encryptionKey?: Buffer;
  teams?: TeamsConfig;
  /** Microsoft Graph credentials and endpoints; absent means the demo incident source. */
  graph?: GraphConfig;
  /** How often incidents sync and how far back the first sync reads. */
  incidentSync: IncidentSyncConfig;
  /** SECOPS_GRAPH_TENANT_WORKSPACES: which workspaces see which Graph tenant's incidents. */
  graphTenantWorkspaces: GraphTenantWorkspace[];
}

/** Every problem found, one line each, naming the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const PLATFORMS = ["console", "slack", "teams"] as const;

function pick(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Reads and validates settings from `env` (process.env by default; tests pass their own). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const teamsAppId = pick(env, "MicrosoftAppId", "MICROSOFT_APP_ID");

  let platforms: Config["platforms"];
  const listed = pick(env, "SECOPS_PLATFORMS");
  if (listed) {
    const words = listed
      .split(",")
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean);
    const bad = words.filter((w) => !(PLATFORMS as readonly string[]).includes(w));
    if (bad.length) problems.push(`SECOPS_PLATFORMS: unknown platform ${bad.join(", ")} (use console, slack, teams)`);
    platforms = [
      ...new Set(words.filter((w): w is Config["platforms"][number] => (PLATFORMS as readonly string[]).includes(w))),
    ];
  } else {
    platforms = [];
    if (slackRequested(env)) platforms.push("slack");
    if (teamsAppId) platforms.push("teams");
    if (platforms.length === 0) platforms.push("console");
  }

  const port = z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .safeParse(pick(env, "PORT") ?? "3000");
  if (!port.success) problems.push("PORT: must be a whole number from 0 to 65535");
  const consoleOnly = platforms.length === 1 && platforms[0] === "console";
  const logLevel = pick(env, "LOG_LEVEL") ?? (consoleOnly ? "warn" : "info");
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    problems.push("LOG_LEVEL: use fatal, error, warn, info, debug, trace or silent");
  }

  const slack = platforms.includes("slack") ? readSlackConfig(env, problems) : undefined;
  const encryptionKey = readEncryptionKey(env, problems, !!slack?.oauth);

  const teams = platforms.includes("teams") ? readTeamsConfig(env, problems) : undefined;
  const statusToken = pick(env, "SECOPS_STATUS_TOKEN");
  if (statusToken && statusToken.length < 16) problems.push("SECOPS_STATUS_TOKEN: use at least 16 random characters");

  const nudgeDays = z.coerce
    .number()
    .int()
    .min(7)
    .max(365)
    .safeParse(pick(env, "TRAINING_NUDGE_DAYS") ?? "7");
  if (!nudgeDays.success)
    problems.push("TRAINING_NUDGE_DAYS: a whole number of days from 7 to 365 (nudges are at most weekly)");

  const poolMax = z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .safeParse(pick(env, "DATABASE_POOL_MAX") ?? "10");
  if (!poolMax.success) problems.push("DATABASE_POOL_MAX: a whole number of connections from 1 to 200");
  const caFile = pick(env, "DATABASE_CA_FILE");
  if (caFile && !existsSync(caFile)) problems.push(`DATABASE_CA_FILE: no file at ${caFile}`);
  const schema = pick(env, "DATABASE_SCHEMA");
  if (schema && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
    problems.push("DATABASE_SCHEMA: a PostgreSQL schema name (letters, digits, _; up to 63)");

  const graph = readGraphConfig(env, problems);
  const incidentSync = readIncidentSyncConfig(env, problems);
  const graphTenantWorkspaces = readTenantWorkspaces(env, problems);

  problems.push(...misspeltVariables(env));
  if (problems.length) throw new ConfigError(problems);
  return {
    platforms,
    databaseUrl: pick(env, "DATABASE_URL") ?? "./data/secops-bot.db",
    databasePoolMax: poolMax.success ? poolMax.data : 10,
    ...(caFile ? { databaseCaFile: caFile } : {}),
    ...(schema ? { databaseSchema: schema } : {}),
    port: port.success ? port.data : 3000,
    logLevel,
    admins: (pick(env, "SECOPS_ADMINS") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => (s.includes("@") ? s.toLowerCase() : s)),
    consoleUser: pick(env, "CONSOLE_USER") ?? "console",
    ...(statusToken ? { statusToken } : {}),
    trainingNudgeDays: nudgeDays.success ? nudgeDays.data : 7,
    ...(slack ? { slack } : {}),
    ...(encryptionKey ? { encryptionKey } : {}),
    ...(teams ? { teams } : {}),
    ...(graph ? { graph } : {}),
    incidentSync,
    graphTenantWorkspaces,
  };
}
