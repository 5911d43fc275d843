/** Settings: every problem reported at once, each naming its variable, and never echoing a secret back. */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { spawnMain } from "../support/run-main.js";

const SECRET_TOKEN = "not-xoxb-9f2c1d7e5a3b4c6d8e0f";
const SECRET_APP_TOKEN = "xoxz-7a1b2c3d4e5f6a7b8c9d";

/** Settings with one mistake in nearly every variable. */
const BROKEN: Record<string, string> = {
  SECOPS_PLATFORMS: "slack,teams,fax",
  PORT: "http",
  LOG_LEVEL: "loud",
  SLACK_BOT_TOKEN: SECRET_TOKEN,
  SLACK_APP_TOKEN: SECRET_APP_TOKEN,
  SLACK_API_URL: "not a url",
  MicrosoftAppId: "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8",
  MicrosoftAppType: "SingleTenant",
  TRAINING_NUDGE_DAYS: "3",
  AZURE_TENANT_ID: "contoso.onmicrosoft.com",
  GRAPH_POLL_SECONDS: "5",
};

const EXPECTED_VARIABLES = [
  "SECOPS_PLATFORMS",
  "PORT",
  "LOG_LEVEL",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_API_URL",
  "MicrosoftAppPassword",
  "MicrosoftAppTenantId",
  "TRAINING_NUDGE_DAYS",
  "AZURE_CLIENT_ID",
  "AZURE_CLIENT_SECRET",
  "GRAPH_POLL_SECONDS",
];

/** The variables a problem line names (before its colon). */
const named = (problem: string) => (problem.split(":")[0] ?? "").split(", ");

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("configuration problems", () => {
  it("reports every missing or malformed setting in one error, one line each, naming the variable", () => {
    let error: unknown;
    try {
      loadConfig(BROKEN);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    for (const variable of EXPECTED_VARIABLES)
      expect(
        problems.filter((p) => named(p).includes(variable)),
        variable,
      ).toHaveLength(1);
    expect(message.split("\n").slice(1)).toEqual(problems.map((p) => `  - ${p}`));
    expect(problems.every((p) => /^[A-Za-z_, ]+: \S/.test(p) && !p.includes("\n"))).toBe(true);
    expect(message).not.toContain(SECRET_TOKEN);
    expect(message).not.toContain(SECRET_APP_TOKEN);
  });

  it("names each required Slack and Graph variable that is missing", () => {
    expect(problemsOf({ SECOPS_PLATFORMS: "slack" })).toEqual([
      "SLACK_BOT_TOKEN: required when Slack is enabled (xoxb-…), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces",
      "SLACK_SIGNING_SECRET: required when Slack is enabled",
    ]);
    expect(problemsOf({ SECOPS_PLATFORMS: "console", AZURE_CLIENT_SECRET: "s3cret-value-123" })).toEqual([
      "AZURE_TENANT_ID, AZURE_CLIENT_ID: required for Microsoft Graph: set all three, or none to use the demo incidents",
    ]);
  });

  it("stops the real process with exit code 2 and every problem on stderr, without the secrets", async () => {
    const bot = await spawnMain(BROKEN);
    const exit = await bot.exited;
    expect(exit.code).toBe(2);
    const stderr = bot.stderr();
    expect(stderr).toContain("Configuration is not valid:");
    const lines = stderr.split("\n").filter((l) => l.startsWith("  - "));
    // spawnMain always gives the process a free PORT, so every other problem is expected.
    for (const variable of EXPECTED_VARIABLES.filter((v) => v !== "PORT"))
      expect(
        lines.filter((l) => named(l.slice(4)).includes(variable)),
        variable,
      ).toHaveLength(1);
    expect(stderr).not.toContain(SECRET_TOKEN);
    expect(stderr).not.toContain(SECRET_APP_TOKEN);
  });
});
