/** Settings for Slack OAuth installation: one mode at a time, and never without the key that seals tokens. */
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { startMain, type RunningMain } from "../support/run-main.js";

const KEY = randomBytes(32);
const OAUTH = {
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "client-secret-value",
  SLACK_STATE_SECRET: "state-secret-0123456789",
  SLACK_SIGNING_SECRET: "signing-secret",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

let bot: RunningMain | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await fake?.close();
  fake = undefined;
});

describe("Slack OAuth settings", () => {
  it("turns Slack on in OAuth mode with the key as base64 or hex", () => {
    for (const key of [KEY.toString("base64"), KEY.toString("hex")]) {
      const config = loadConfig({ ...OAUTH, SECOPS_ENCRYPTION_KEY: key });
      expect(config.platforms).toEqual(["slack"]);
      expect(config.slack?.oauth).toEqual({
        clientId: OAUTH.SLACK_CLIENT_ID,
        clientSecret: OAUTH.SLACK_CLIENT_SECRET,
        stateSecret: OAUTH.SLACK_STATE_SECRET,
      });
      expect(config.slack?.botToken).toBe("");
      expect(config.encryptionKey?.equals(KEY)).toBe(true);
    }
  });

  it("requires SECOPS_ENCRYPTION_KEY, and a 32-byte one, naming the variable", () => {
    expect(problemsOf(OAUTH)).toEqual([expect.stringMatching(/^SECOPS_ENCRYPTION_KEY: required with SLACK_CLIENT_ID/)]);
    expect(problemsOf({ ...OAUTH, SECOPS_ENCRYPTION_KEY: randomBytes(16).toString("base64") })).toEqual([
      expect.stringMatching(/^SECOPS_ENCRYPTION_KEY: must be 32 random bytes as base64 or hex/),
    ]);
  });

  it("refuses a half-set or mixed mode, one line per variable to fix", () => {
    const key = { SECOPS_ENCRYPTION_KEY: KEY.toString("base64") };
    expect(problemsOf({ ...OAUTH, ...key, SLACK_STATE_SECRET: "" })).toEqual([
      "SLACK_STATE_SECRET: required together for Slack OAuth installation",
    ]);
    expect(problemsOf({ ...OAUTH, ...key, SLACK_BOT_TOKEN: "xoxb-one-workspace" })).toEqual([
      "SLACK_BOT_TOKEN: set together with SLACK_CLIENT_ID; use one mode (one token, or OAuth installation)",
    ]);
    expect(problemsOf({ ...OAUTH, ...key, SLACK_APP_TOKEN: "xapp-socket" })[0]).toMatch(
      /^SLACK_APP_TOKEN: Socket Mode/,
    );
    expect(problemsOf({ ...OAUTH, ...key, SLACK_STATE_SECRET: "short" })).toEqual([
      "SLACK_STATE_SECRET: use at least 16 random characters",
    ]);
  });

  it("npm start in OAuth mode serves the install page and counts installed workspaces in /readyz", async () => {
    fake = await FakeSlack.start();
    bot = await startMain({ ...OAUTH, SECOPS_ENCRYPTION_KEY: KEY.toString("hex"), SLACK_API_URL: fake.apiUrl });
    const install = await fetch(`${bot.url}/slack/install`);
    expect(install.status).toBe(200);
    expect(await install.text()).toContain("Add to Slack");
    const ready = (await (await fetch(`${bot.url}/readyz`)).json()) as {
      checks: Record<string, { ok: boolean; detail: string }>;
    };
    expect(ready.checks.slack).toEqual({ ok: true, detail: "http mode, OAuth installation, 0 workspace(s) installed" });
    // No token to verify at start: nothing was asked of Slack.
    expect(fake.calls).toEqual([]);
  });
});
