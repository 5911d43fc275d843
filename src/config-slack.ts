/**
 * Slack settings, read by src/config.ts. Two modes: one workspace with SLACK_BOT_TOKEN, or the
 * distributed app (OAuth) with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET, where
 * every workspace installs through /slack/install and its token is kept in the database, sealed with
 * SECOPS_ENCRYPTION_KEY. The modes exclude each other, so a half-changed deployment stops at start.
 */
import { z } from "zod";
import { parseEncryptionKey } from "./storage/secret-box.js";

/** The distributed app's OAuth credentials. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state Bolt puts in the install flow's cookie and URL. */
  stateSecret: string;
}

/** Settings for the Slack adapter, present when Slack is enabled. */
export interface SlackConfig {
  /** The one workspace's bot token; empty in OAuth mode, where each workspace has its own. */
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  /** Present in OAuth mode (several workspaces). */
  oauth?: SlackOAuthConfig;
}

type Env = Record<string, string | undefined>;

const OAUTH_VARIABLES = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

function get(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** True when any setting asks for Slack. */
export function slackRequested(env: Env): boolean {
  return ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", ...OAUTH_VARIABLES].some((name) => get(env, name));
}

/** Reads SECOPS_ENCRYPTION_KEY: 32 bytes as base64 or hex; `required` when something must be sealed. */
export function readEncryptionKey(env: Env, problems: string[], required: boolean): Buffer | undefined {
  const text = get(env, "SECOPS_ENCRYPTION_KEY");
  const why = "32 random bytes as base64 or hex, e.g. from `openssl rand -base64 32`";
  if (!text) {
    if (required)
      problems.push(`SECOPS_ENCRYPTION_KEY: required with SLACK_CLIENT_ID (Slack tokens are stored encrypted); ${why}`);
    return undefined;
  }
  const key = parseEncryptionKey(text);
  if (!key) problems.push(`SECOPS_ENCRYPTION_KEY: must be ${why}`);
  return key;
}

/** Reads the Slack settings, appending one problem per variable to fix. */
export function readSlackConfig(env: Env, problems: string[]): SlackConfig {
  const token = get(env, "SLACK_BOT_TOKEN");
  const signingSecret = get(env, "SLACK_SIGNING_SECRET");
  const appToken = get(env, "SLACK_APP_TOKEN");
  const apiUrl = get(env, "SLACK_API_URL");
  const oauthMode = OAUTH_VARIABLES.some((name) => get(env, name));
  if (appToken && !appToken.startsWith("xapp-")) problems.push("SLACK_APP_TOKEN: an app-level token starts with xapp-");
  if (apiUrl && !z.url().safeParse(apiUrl).success) problems.push("SLACK_API_URL: must be a URL");
  const common = {
    signingSecret: signingSecret ?? "",
    ...(appToken ? { appToken } : {}),
    ...(apiUrl ? { apiUrl } : {}),
  };
  const secretProblem = () => {
    if (!signingSecret) problems.push("SLACK_SIGNING_SECRET: required when Slack is enabled");
  };
  if (!oauthMode) {
    if (!token)
      problems.push(
        "SLACK_BOT_TOKEN: required when Slack is enabled (xoxb-…), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces",
      );
    else if (!token.startsWith("xoxb-")) problems.push("SLACK_BOT_TOKEN: a bot token starts with xoxb-");
    secretProblem();
    return { botToken: token ?? "", ...common };
  }
  secretProblem();
  const missing = OAUTH_VARIABLES.filter((name) => !get(env, name));
  if (missing.length) problems.push(`${missing.join(", ")}: required together for Slack OAuth installation`);
  if (token)
    problems.push(
      "SLACK_BOT_TOKEN: set together with SLACK_CLIENT_ID; use one mode (one token, or OAuth installation)",
    );
  if (appToken)
    problems.push(
      "SLACK_APP_TOKEN: Socket Mode serves one workspace; OAuth installation needs HTTP (unset SLACK_APP_TOKEN)",
    );
  const stateSecret = get(env, "SLACK_STATE_SECRET");
  if (stateSecret && stateSecret.length < 16) problems.push("SLACK_STATE_SECRET: use at least 16 random characters");
  return {
    botToken: "",
    ...common,
    oauth: {
      clientId: get(env, "SLACK_CLIENT_ID") ?? "",
      clientSecret: get(env, "SLACK_CLIENT_SECRET") ?? "",
      stateSecret: stateSecret ?? "",
    },
  };
}
