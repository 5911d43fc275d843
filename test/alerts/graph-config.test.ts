import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const base = { SECOPS_PLATFORMS: "console" };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe("Graph settings", () => {
  it("uses the demo source without credentials, with the default pace", () => {
    const config = loadConfig(base);
    expect(config.graph).toBeUndefined();
    expect(config.incidentSync).toEqual({ pollSeconds: 120, backfillDays: 7 });
  });

  it("takes a client secret with tenant and client, and endpoint overrides", () => {
    const config = loadConfig({
      ...base,
      AZURE_TENANT_ID: "contoso.onmicrosoft.com",
      AZURE_CLIENT_ID: "app",
      AZURE_CLIENT_SECRET: "s3cret",
      AZURE_AUTHORITY_HOST: "https://login.microsoftonline.us/",
      GRAPH_BASE_URL: "https://graph.microsoft.us",
      GRAPH_POLL_SECONDS: "30",
      GRAPH_BACKFILL_DAYS: "30",
      DEFENDER_PORTAL_HOST: "security.microsoft.us",
    });
    expect(config.graph).toEqual({
      tenantId: "contoso.onmicrosoft.com",
      clientId: "app",
      clientSecret: "s3cret",
      managedIdentity: false,
      authorityHost: "https://login.microsoftonline.us",
      baseUrl: "https://graph.microsoft.us",
    });
    expect(config.incidentSync).toEqual({ pollSeconds: 30, backfillDays: 30, portalHost: "security.microsoft.us" });
  });

  it("reports every problem at once, naming the variable", () => {
    expect(
      problems({
        AZURE_TENANT_ID: "t",
        AZURE_CLIENT_SECRET: "s",
        GRAPH_POLL_SECONDS: "10",
        GRAPH_BACKFILL_DAYS: "0",
        GRAPH_BASE_URL: "http://graph.local",
        AZURE_AUTHORITY_HOST: "not a url",
      }),
    ).toEqual([
      "AZURE_AUTHORITY_HOST: must be an https:// URL with no path, e.g. https://host or https://host:8443",
      "GRAPH_BASE_URL: must be an https:// URL with no path, e.g. https://host or https://host:8443",
      "AZURE_CLIENT_ID: required for Microsoft Graph: set all three, or none to use the demo incidents",
      "GRAPH_POLL_SECONDS: whole seconds from 30 to 86400 (Graph allows 150 requests a minute)",
      "GRAPH_BACKFILL_DAYS: whole days from 1 to 180",
    ]);
    expect(problems({ AZURE_USE_MANAGED_IDENTITY: "true", AZURE_CLIENT_SECRET: "s" })).toEqual([
      "AZURE_TENANT_ID: required with AZURE_USE_MANAGED_IDENTITY (it names the tenant whose incidents are read)",
      "AZURE_USE_MANAGED_IDENTITY: choose one way to sign in; unset AZURE_CLIENT_SECRET / AZURE_CLIENT_CERTIFICATE_PATH",
    ]);
    expect(
      problems({ AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c", AZURE_CLIENT_CERTIFICATE_PATH: "/nonexistent/cert.pem" }),
    ).toEqual(["AZURE_CLIENT_CERTIFICATE_PATH: no file at that path (PEM with the private key)"]);
  });
});
