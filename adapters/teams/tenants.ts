/**
 * Which Entra tenants the bot answers. By default one: the organisation's own (MicrosoftAppTenantId,
 * else AZURE_TENANT_ID), so a Teams app sideloaded or shared into another tenant gets nothing from
 * this deployment. With MicrosoftAppType=MultiTenant every tenant is served, each as its own
 * workspace (`teams:<tenant id>`), and an activity that names no tenant is refused.
 */
import type { Activity } from "botbuilder";
import type { TeamsConfig } from "../../src/config.js";
import { tenantOf } from "./parse.js";

/** True when the bot serves the tenant the activity came from. */
export type TenantPolicy = (activity: Partial<Activity>) => boolean;

/** The policy for these settings. */
export function tenantPolicy(config: TeamsConfig): TenantPolicy {
  if (config.multiTenant) return (activity) => tenantOf(activity) !== undefined || config.emulatorNoAuth;
  const home = config.homeTenantId.toLowerCase();
  // Only the emulator runs without a tenant (config refuses an app id without one).
  if (!home) return () => true;
  return (activity) => tenantOf(activity)?.toLowerCase() === home;
}
