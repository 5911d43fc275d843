import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("runs the console on embedded defaults when no credentials are set", () => {
    const config = loadConfig({});
    expect(config.platforms).toEqual(["console"]);
    expect(config.databaseUrl).toBe("./data/secops-bot.db");
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe("warn");
  });

  it("chooses the platforms from the credentials present, with info logs for servers", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      MICROSOFT_APP_ID: "id",
      MICROSOFT_APP_PASSWORD: "pw",
      MICROSOFT_APP_TENANT_ID: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    });
    expect(config.platforms).toEqual(["slack", "teams"]);
    expect(config.logLevel).toBe("info");
  });

  it("lets SECOPS_PLATFORMS override the choice", () => {
    expect(
      loadConfig({ SECOPS_PLATFORMS: "teams", SECOPS_TEAMS_NO_AUTH: "emulator", SLACK_BOT_TOKEN: "xoxb-1" }).platforms,
    ).toEqual(["teams"]);
  });

  it("normalises admin emails and keeps platform ids as given", () => {
    expect(loadConfig({ SECOPS_ADMINS: "U123, Dana@Contoso.com ,," }).admins).toEqual(["U123", "dana@contoso.com"]);
  });

  it("reports every problem at once, each naming its variable, and never echoes a secret", () => {
    let error: unknown;
    try {
      loadConfig({
        SECOPS_PLATFORMS: "slack,teams,fax",
        SLACK_BOT_TOKEN: "not-a-bot-token-SECRET1",
        PORT: "http",
        LOG_LEVEL: "loud",
        MicrosoftAppId: "app",
        MicrosoftAppType: "SingleTenant",
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(":")[0])).toEqual(
      expect.arrayContaining([
        "SECOPS_PLATFORMS",
        "PORT",
        "LOG_LEVEL",
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "MicrosoftAppPassword",
        "MicrosoftAppTenantId",
      ]),
    );
    expect((error as ConfigError).message).not.toContain("SECRET1");
  });
});
