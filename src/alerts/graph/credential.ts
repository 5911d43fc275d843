/**
 * The Entra ID credential for Graph: client secret, certificate or managed identity. A custom
 * authority host that is not a Microsoft login host (tests, private endpoints) skips MSAL's instance
 * discovery, which would otherwise call login.microsoftonline.com.
 */
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from "@azure/identity";
import type { GraphConfig } from "../../config-graph.js";

const MICROSOFT_LOGIN_HOSTS = [
  "login.microsoftonline.com",
  "login.microsoftonline.us",
  "login.chinacloudapi.cn",
  "login.partner.microsoftonline.cn",
];

/** Builds the credential the configuration asks for. */
export function createCredential(config: GraphConfig): TokenCredential {
  if (config.managedIdentity)
    return new ManagedIdentityCredential(config.clientId ? { clientId: config.clientId } : {});
  const host = config.authorityHost ? new URL(config.authorityHost).hostname : undefined;
  const options = config.authorityHost
    ? { authorityHost: config.authorityHost, disableInstanceDiscovery: !MICROSOFT_LOGIN_HOSTS.includes(host ?? "") }
    : {};
  if (config.certificatePath)
    return new ClientCertificateCredential(
      config.tenantId,
      config.clientId ?? "",
      { certificatePath: config.certificatePath },
      options,
    );
  return new ClientSecretCredential(config.tenantId, config.clientId ?? "", config.clientSecret ?? "", options);
}
