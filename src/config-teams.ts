/**
 * Microsoft Teams settings, read by src/config.ts. Without an app id Teams serves no Bot Framework
 * authentication at all, so that mode needs SECOPS_TEAMS_NO_AUTH=emulator, spelt out on purpose:
 * an empty or misspelt MicrosoftAppId must stop the start, not open /api/messages to anyone.
 *
 * Tenants: the bot serves one Entra tenant (MicrosoftAppTenantId, else AZURE_TENANT_ID) unless
 * MicrosoftAppType=MultiTenant is set explicitly; then every tenant that installs it is served,
 * each as its own workspace. Left unset, botbuilder still authenticates as a multi-tenant app.
 */

/** Settings for the Teams adapter. */
export interface TeamsConfig {
  appId: string;
  appPassword: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId: string;
  /** The organisation's own tenant (MicrosoftAppTenantId, else AZURE_TENANT_ID): bare admin ids and emails count only there. */
  homeTenantId: string;
  /** True only with SECOPS_TEAMS_NO_AUTH=emulator and no app id: no authentication, loopback only. */
  emulatorNoAuth: boolean;
  /** True when MicrosoftAppType=MultiTenant is set: several tenants are served; otherwise only `homeTenantId`. */
  multiTenant?: boolean;
}

/** The exact value SECOPS_TEAMS_NO_AUTH must have to serve Teams without authentication. */
export const NO_AUTH_VALUE = "emulator";

type Env = Record<string, string | undefined>;

function pick(env: Env, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Reads the Teams settings, appending one problem per variable to fix. */
export function readTeamsConfig(env: Env, problems: string[]): TeamsConfig {
  const appId = pick(env, "MicrosoftAppId", "MICROSOFT_APP_ID") ?? "";
  const noAuth = pick(env, "SECOPS_TEAMS_NO_AUTH");
  const declaredType = pick(env, "MicrosoftAppType", "MICROSOFT_APP_TYPE");
  const appType = declaredType ?? "MultiTenant";
  if (!["MultiTenant", "SingleTenant", "UserAssignedMSI"].includes(appType)) {
    problems.push("MicrosoftAppType: use MultiTenant, SingleTenant or UserAssignedMSI");
  }
  const appPassword = pick(env, "MicrosoftAppPassword", "MICROSOFT_APP_PASSWORD") ?? "";
  const tenantId = pick(env, "MicrosoftAppTenantId", "MICROSOFT_APP_TENANT_ID") ?? "";
  if (noAuth !== undefined && noAuth !== NO_AUTH_VALUE) {
    problems.push(`SECOPS_TEAMS_NO_AUTH: the only accepted value is ${NO_AUTH_VALUE}`);
  } else if (noAuth && appId) {
    problems.push(
      "SECOPS_TEAMS_NO_AUTH: set together with MicrosoftAppId; remove one (authentication is on with an app id)",
    );
  } else if (!noAuth && !appId) {
    problems.push(
      `MicrosoftAppId: required when Teams is enabled (for the Bot Framework Emulator on this machine only, set SECOPS_TEAMS_NO_AUTH=${NO_AUTH_VALUE} instead)`,
    );
  }
  if (appId && appType !== "UserAssignedMSI" && !appPassword)
    problems.push("MicrosoftAppPassword: required with MicrosoftAppId");
  if (appId && appType === "SingleTenant" && !tenantId)
    problems.push("MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant");
  if (appType === "UserAssignedMSI" && appId && !tenantId)
    problems.push("MicrosoftAppTenantId: required when MicrosoftAppType is UserAssignedMSI");
  const homeTenantId = tenantId || (pick(env, "AZURE_TENANT_ID") ?? "");
  const multiTenant = declaredType === "MultiTenant";
  if (appId && !multiTenant && !homeTenantId)
    problems.push(
      "MicrosoftAppTenantId: name the one tenant this bot serves, or set MicrosoftAppType=MultiTenant to serve several",
    );
  return {
    appId,
    appPassword,
    appType: appType as TeamsConfig["appType"],
    tenantId,
    homeTenantId,
    emulatorNoAuth: !appId && noAuth === NO_AUTH_VALUE,
    multiTenant,
  };
}
