/**
 * The Microsoft Graph client over a token credential. The token is only attached to https hosts the
 * client knows, so the configured Graph host (sovereign cloud or a test fake) is added to customHosts;
 * the token scope follows the Graph host.
 */
import { Client } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js";
import type { TokenCredential } from "@azure/identity";

/** The commercial Graph endpoint. */
export const GRAPH_ORIGIN = "https://graph.microsoft.com";

/** A Graph client for `origin` (https://graph.microsoft.com unless overridden by GRAPH_BASE_URL). */
export function createGraphClient(credential: TokenCredential, origin = GRAPH_ORIGIN): Client {
  const url = new URL(origin);
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: [`${url.origin}/.default`] });
  return Client.initWithMiddleware({ authProvider, baseUrl: url.origin, customHosts: new Set([url.hostname]) });
}
