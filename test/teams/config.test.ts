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

  it("serves without authentication when teams is listed but no app id is set", () => {
    const config = loadConfig({ SECOPS_PLATFORMS: "teams" });
    expect(config.teams?.appId).toBe("");
    expect(botFrameworkSettings(config.teams!)).toEqual({ MicrosoftAppId: "" });
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
