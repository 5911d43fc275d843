import { describe, expect, it } from "vitest";
import { botFrameworkSettings, createCloudAdapter } from "../../adapters/teams/auth.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";

const APP = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

describe("Teams settings", () => {
  it("reads botbuilder's upper-case variables and hands botbuilder its own setting names", () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: APP,
      MICROSOFT_APP_PASSWORD: "secret",
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_TENANT_ID: TENANT,
    });
    expect(config.platforms).toEqual(["teams"]);
    const settings = botFrameworkSettings(config.teams!);
    expect(settings).toEqual({
      MicrosoftAppId: APP,
      MicrosoftAppPassword: "secret",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: TENANT,
    });
    expect(() => createCloudAdapter(config.teams!, silentLogger())).not.toThrow();
  });

  it("serves without authentication only with SECOPS_TEAMS_NO_AUTH=emulator and no app id", () => {
    expect(() => loadConfig({ SECOPS_PLATFORMS: "teams" })).toThrow(/MicrosoftAppId: required when Teams is enabled/);
    const config = loadConfig({ SECOPS_PLATFORMS: "teams", SECOPS_TEAMS_NO_AUTH: "emulator" });
    expect(config.teams).toMatchObject({ appId: "", emulatorNoAuth: true });
    expect(botFrameworkSettings(config.teams!)).toEqual({ MicrosoftAppId: "" });
    expect(() =>
      loadConfig({ SECOPS_TEAMS_NO_AUTH: "emulator", MicrosoftAppId: APP, MicrosoftAppPassword: "x" }),
    ).toThrow(/SECOPS_TEAMS_NO_AUTH: set together with MicrosoftAppId/);
    expect(() => createCloudAdapter({ ...config.teams!, emulatorNoAuth: false }, silentLogger())).toThrow(
      /SECOPS_TEAMS_NO_AUTH=emulator/,
    );
  });

  it.each([
    ["MicrosoftAppID", "MicrosoftAppId"],
    ["MICROSOFT_APPID", "MICROSOFT_APP_ID"],
    ["MicrosoftAppPasword", "MicrosoftAppPassword"],
    ["SLACK_SIGNING_SECRT", "SLACK_SIGNING_SECRET"],
    ["SECOPS_ADMIN", "SECOPS_ADMINS"],
  ])("reports the near miss %s as meaning %s", (typo, meant) => {
    expect(() => loadConfig({ SECOPS_PLATFORMS: "console", [typo]: "value" })).toThrow(
      `${typo}: not a setting this bot reads; did you mean ${meant}?`,
    );
  });

  it("leaves unrelated variables alone", () => {
    expect(() =>
      loadConfig({ PATH: "/bin", HOME: "/root", HOSTNAME: "box", NODE_ENV: "production", TERM: "xterm" }),
    ).not.toThrow();
  });

  it("names the missing tenant for single-tenant and managed-identity bots", () => {
    expect(() =>
      loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: "x", MicrosoftAppType: "SingleTenant" }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: "UserAssignedMSI" })).toThrow(
      /MicrosoftAppTenantId: required when MicrosoftAppType is UserAssignedMSI/,
    );
    const msi = loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: "UserAssignedMSI", MicrosoftAppTenantId: TENANT });
    expect(botFrameworkSettings(msi.teams!)).not.toHaveProperty("MicrosoftAppPassword");
    expect(() => createCloudAdapter(msi.teams!, silentLogger())).not.toThrow();
  });
});
