/**
 * Microsoft Graph security settings, read by src/config.ts from the environment it was given:
 * credentials (client secret, certificate or managed identity), endpoint overrides for sovereign
 * clouds, and the incident sync's pace. Problems are appended to the caller's list, one per variable.
 */
import { existsSync } from "node:fs";
import { z } from "zod";

/** How the bot authenticates to Graph; present only when credentials are configured. */
export interface GraphConfig {
  /** The Entra tenant whose incidents are read (also labels stored incidents). */
  tenantId: string;
  clientId?: string;
  clientSecret?: string;
  certificatePath?: string;
  managedIdentity: boolean;
  /** Entra login host override (sovereign clouds, tests), e.g. https://login.microsoftonline.us. */
  authorityHost?: string;
  /** Graph host override, e.g. https://graph.microsoft.us; the token scope follows it. */
  baseUrl?: string;
}

/** One workspace linked to the Graph tenant it may see (SECOPS_GRAPH_TENANT_WORKSPACES). */
export interface GraphTenantWorkspace {
  tenant: string;
  /** A workspace id (Slack team, Teams tenant) or key (slack:T0123). */
  workspace: string;
}

/** The incident sync's pace and link policy; always present (the demo source uses it too). */
export interface IncidentSyncConfig {
  pollSeconds: number;
  backfillDays: number;
  /** A Defender portal host accepted for incident links besides security.microsoft.com. */
  portalHost?: string;
}

type Env = Record<string, string | undefined>;

function get(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function httpsOrigin(env: Env, name: string, problems: string[]): string | undefined {
  const value = get(env, name);
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    url.protocol !== "https:" ||
    (url.pathname !== "/" && url.pathname !== "") ||
    url.search ||
    url.username
  ) {
    problems.push(`${name}: must be an https:// URL with no path, e.g. https://host or https://host:8443`);
    return undefined;
  }
  return url.origin;
}

/** Reads the Graph credentials: all of tenant/client/secret, or tenant/client/certificate, or managed identity, or none. */
export function readGraphConfig(env: Env, problems: string[]): GraphConfig | undefined {
  const tenantId = get(env, "AZURE_TENANT_ID");
  const clientId = get(env, "AZURE_CLIENT_ID");
  const clientSecret = get(env, "AZURE_CLIENT_SECRET");
  const certificatePath = get(env, "AZURE_CLIENT_CERTIFICATE_PATH");
  const mi = (get(env, "AZURE_USE_MANAGED_IDENTITY") ?? "false").toLowerCase();
  if (!["true", "false", "1", "0", "yes", "no"].includes(mi))
    problems.push("AZURE_USE_MANAGED_IDENTITY: use true or false");
  const managedIdentity = ["true", "1", "yes"].includes(mi);
  const authorityHost = httpsOrigin(env, "AZURE_AUTHORITY_HOST", problems);
  const baseUrl = httpsOrigin(env, "GRAPH_BASE_URL", problems);
  if (tenantId && !/^[A-Za-z0-9.-]{1,128}$/.test(tenantId))
    problems.push("AZURE_TENANT_ID: a tenant id (GUID) or domain name");
  if (!managedIdentity && !certificatePath && !tenantId && !clientId && !clientSecret) return undefined;
  const need = (names: [string, string | undefined][], why: string) => {
    const missing = names.filter(([, v]) => !v).map(([n]) => n);
    if (missing.length) problems.push(`${missing.join(", ")}: required ${why}`);
  };
  if (managedIdentity) {
    need(
      [["AZURE_TENANT_ID", tenantId]],
      "with AZURE_USE_MANAGED_IDENTITY (it names the tenant whose incidents are read)",
    );
    if (clientSecret || certificatePath)
      problems.push(
        "AZURE_USE_MANAGED_IDENTITY: choose one way to sign in; unset AZURE_CLIENT_SECRET / AZURE_CLIENT_CERTIFICATE_PATH",
      );
  } else if (certificatePath) {
    need(
      [
        ["AZURE_TENANT_ID", tenantId],
        ["AZURE_CLIENT_ID", clientId],
      ],
      "with AZURE_CLIENT_CERTIFICATE_PATH",
    );
    if (clientSecret) problems.push("AZURE_CLIENT_SECRET: choose a secret or a certificate, not both");
    if (!existsSync(certificatePath))
      problems.push("AZURE_CLIENT_CERTIFICATE_PATH: no file at that path (PEM with the private key)");
  } else {
    need(
      [
        ["AZURE_TENANT_ID", tenantId],
        ["AZURE_CLIENT_ID", clientId],
        ["AZURE_CLIENT_SECRET", clientSecret],
      ],
      "for Microsoft Graph: set all three, or none to use the demo incidents",
    );
  }
  return {
    tenantId: tenantId ?? "",
    managedIdentity,
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    ...(certificatePath ? { certificatePath } : {}),
    ...(authorityHost ? { authorityHost } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  };
}

/** Reads GRAPH_POLL_SECONDS (≥ 30, default 120), GRAPH_BACKFILL_DAYS (1–180, default 7) and DEFENDER_PORTAL_HOST. */
export function readIncidentSyncConfig(env: Env, problems: string[]): IncidentSyncConfig {
  const poll = z.coerce
    .number()
    .int()
    .min(30)
    .max(86_400)
    .safeParse(get(env, "GRAPH_POLL_SECONDS") ?? "120");
  if (!poll.success)
    problems.push("GRAPH_POLL_SECONDS: whole seconds from 30 to 86400 (Graph allows 150 requests a minute)");
  const days = z.coerce
    .number()
    .int()
    .min(1)
    .max(180)
    .safeParse(get(env, "GRAPH_BACKFILL_DAYS") ?? "7");
  if (!days.success) problems.push("GRAPH_BACKFILL_DAYS: whole days from 1 to 180");
  const portalHost = get(env, "DEFENDER_PORTAL_HOST")?.toLowerCase();
  if (portalHost && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(portalHost))
    problems.push("DEFENDER_PORTAL_HOST: a host name only, e.g. security.microsoft.us");
  return {
    pollSeconds: poll.success ? poll.data : 120,
    backfillDays: days.success ? days.data : 7,
    ...(portalHost && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(portalHost) ? { portalHost } : {}),
  };
}

/** Reads SECOPS_GRAPH_TENANT_WORKSPACES, `tenantA=T111,T222;tenantB=T333`: which workspaces see which tenant. */
export function readTenantWorkspaces(env: Env, problems: string[]): GraphTenantWorkspace[] {
  const text = get(env, "SECOPS_GRAPH_TENANT_WORKSPACES");
  if (!text) return [];
  const links: GraphTenantWorkspace[] = [];
  const usage = "SECOPS_GRAPH_TENANT_WORKSPACES: use tenant=workspace,workspace;tenant=workspace";
  for (const group of text
    .split(";")
    .map((g) => g.trim())
    .filter(Boolean)) {
    const [tenant = "", list = "", ...extra] = group.split("=").map((p) => p.trim());
    if (extra.length || !/^[A-Za-z0-9.-]{1,128}$/.test(tenant)) {
      problems.push(`${usage} (a tenant is a GUID or domain name)`);
      return [];
    }
    const workspaces = list
      .split(",")
      .map((w) => w.trim())
      .filter(Boolean);
    if (workspaces.length === 0 || workspaces.some((w) => !/^[A-Za-z0-9:._-]{1,200}$/.test(w))) {
      problems.push(`${usage} (a workspace is a Slack team id, a Teams tenant id or console)`);
      return [];
    }
    for (const workspace of workspaces) {
      const other = links.find((l) => l.workspace.toLowerCase() === workspace.toLowerCase());
      if (other && other.tenant !== tenant) {
        problems.push(`SECOPS_GRAPH_TENANT_WORKSPACES: ${workspace} is linked to two tenants; a workspace sees one`);
        return [];
      }
      links.push({ tenant, workspace });
    }
  }
  return links;
}
