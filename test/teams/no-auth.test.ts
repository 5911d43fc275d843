/**
 * Teams without authentication only on purpose: the real entry point refuses to start Teams with
 * an empty or misspelt MicrosoftAppId, and with SECOPS_TEAMS_NO_AUTH=emulator it binds to loopback,
 * stays unready and says so in the log.
 */
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { NO_AUTH_DETAIL } from "../../adapters/teams/server.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { spawnMain, startMain, type RunningMain } from "../support/run-main.js";

let bot: RunningMain | undefined;
let slack: FakeSlack | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await slack?.close();
  slack = undefined;
});

async function slackEnv(): Promise<Record<string, string>> {
  slack = await FakeSlack.start();
  return { SLACK_BOT_TOKEN: slack.token, SLACK_SIGNING_SECRET: "no-auth-secret", SLACK_API_URL: slack.apiUrl };
}

/** An address of this machine that is not loopback, when it has one. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
}

describe("Teams without an app id", { timeout: 60_000 }, () => {
  it("does not start with SECOPS_PLATFORMS=slack,teams and MicrosoftAppId empty", async () => {
    bot = await spawnMain({ ...(await slackEnv()), SECOPS_PLATFORMS: "slack,teams", MicrosoftAppId: "" });
    const exit = await bot.exited;
    expect(exit.code).toBe(2);
    expect(bot.stderr()).toMatch(/MicrosoftAppId: required when Teams is enabled/);
    expect(bot.stderr()).toContain("SECOPS_TEAMS_NO_AUTH=emulator");
    expect(await fetch(`${bot.url}/api/messages`, { method: "POST" }).catch(() => "refused")).toBe("refused");
  });

  it("names a misspelt MicrosoftAppID and does not start", async () => {
    bot = await spawnMain({
      ...(await slackEnv()),
      SECOPS_PLATFORMS: "slack,teams",
      MicrosoftAppID: "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8",
      MicrosoftAppPassword: "a-password",
    });
    expect((await bot.exited).code).toBe(2);
    expect(bot.stderr()).toContain("MicrosoftAppID: not a setting this bot reads; did you mean MicrosoftAppId?");
  });

  it("refuses SECOPS_TEAMS_NO_AUTH with any value but emulator", async () => {
    bot = await spawnMain({ SECOPS_PLATFORMS: "teams", SECOPS_TEAMS_NO_AUTH: "true" });
    expect((await bot.exited).code).toBe(2);
    expect(bot.stderr()).toContain("SECOPS_TEAMS_NO_AUTH: the only accepted value is emulator");
  });

  it("with SECOPS_TEAMS_NO_AUTH=emulator serves on loopback only, unready, and logs it at start", async () => {
    bot = await startMain({
      ...(await slackEnv()),
      SECOPS_PLATFORMS: "slack,teams",
      SECOPS_TEAMS_NO_AUTH: "emulator",
      LOG_LEVEL: "info",
    });
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, { ok: boolean; detail: string }> };
    expect(body.checks.teams).toEqual({ ok: false, detail: NO_AUTH_DETAIL });
    expect(NO_AUTH_DETAIL).toContain("SECOPS_TEAMS_NO_AUTH");
    const warned = await bot.waitForLog("the no-authentication warning", (l) => l.setting === "SECOPS_TEAMS_NO_AUTH");
    expect(warned.level).toBe(40);
    expect(await bot.waitForLog("the bound host", (l) => l.msg === "serving HTTP")).toMatchObject({
      host: "127.0.0.1",
    });
    const outside = outsideAddress();
    if (outside) {
      const fromOutside = await fetch(`http://${outside}:${bot.port}/healthz`).catch(() => "refused");
      expect(fromOutside).toBe("refused");
    }
  });
});
