/**
 * A fake Entra ID (login.microsoftonline.com) for the client-credentials flow, as MSAL inside
 * @azure/identity calls it for a non-Microsoft authority host: the tenant's OpenID configuration,
 * then POST {tenant}/oauth2/v2.0/token. Tokens are random strings remembered with the app's granted
 * application permissions, which the fake Graph checks.
 */
import { constants, randomBytes, verify } from "node:crypto";
import type { ServerResponse } from "node:http";

/** The app registration the fake knows. */
export interface FakeApp {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Application permissions with admin consent, e.g. SecurityIncident.Read.All. */
  permissions: string[];
  /** A registered certificate (PEM): client assertions signed by its key are accepted too. */
  certificatePem?: string;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** Issues and checks tokens for one app. */
export class FakeEntra {
  /** Token → the permissions it carries. */
  readonly tokens = new Map<string, string[]>();
  tokenRequests = 0;

  constructor(readonly app: FakeApp) {}

  /** Handles the Entra routes; false when the path is not one of them. */
  handle(method: string, path: string, body: string, base: string, res: ServerResponse): boolean {
    const m = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(path);
    if (!m) return false;
    const [, tenant = "", what = ""] = m;
    if (tenant !== this.app.tenantId) {
      json(res, 400, { error: "invalid_tenant", error_description: `AADSTS90002: Tenant '${tenant}' not found.` });
      return true;
    }
    if (what.startsWith("v2.0")) {
      const t = `${base}/${tenant}`;
      json(res, 200, {
        token_endpoint: `${t}/oauth2/v2.0/token`,
        authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${t}/oauth2/v2.0/logout`,
        jwks_uri: `${t}/discovery/v2.0/keys`,
        issuer: `${t}/v2.0`,
        token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      });
      return true;
    }
    if (method !== "POST") return (json(res, 405, { error: "invalid_request" }), true);
    this.tokenRequests += 1;
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "client_credentials")
      return (json(res, 400, { error: "unsupported_grant_type" }), true);
    if (!(form.get("scope") ?? "").endsWith("/.default"))
      return (
        json(res, 400, {
          error: "invalid_scope",
          error_description: "AADSTS1002012: The provided value for scope is not valid.",
        }),
        true
      );
    const assertion = form.get("client_assertion");
    const trusted = assertion
      ? this.assertionValid(assertion, `${base}/${tenant}/oauth2/v2.0/token`)
      : form.get("client_secret") === this.app.clientSecret;
    if (form.get("client_id") !== this.app.clientId || !trusted) {
      json(res, 401, {
        error: "invalid_client",
        error_description: "AADSTS7000215: Invalid client secret provided.",
        error_codes: [7000215],
      });
      return true;
    }
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, [...this.app.permissions]);
    json(res, 200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: token });
    return true;
  }

  /** A client assertion (JWT, RS256 or PS256) signed by the registered certificate's key, for this app and endpoint. */
  private assertionValid(jwt: string, audience: string): boolean {
    if (!this.app.certificatePem) return false;
    const [head = "", body = "", signature = ""] = jwt.split(".");
    const header = JSON.parse(Buffer.from(head, "base64url").toString()) as { alg?: string };
    const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as {
      iss?: string;
      sub?: string;
      aud?: string;
      exp?: number;
    };
    const padding =
      header.alg === "PS256"
        ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
        : header.alg === "RS256"
          ? {}
          : undefined;
    if (!padding) return false;
    const signed = verify(
      "sha256",
      Buffer.from(`${head}.${body}`),
      { key: this.app.certificatePem, ...padding },
      Buffer.from(signature, "base64url"),
    );
    return (
      signed &&
      claims.iss === this.app.clientId &&
      claims.sub === this.app.clientId &&
      claims.aud === audience &&
      (claims.exp ?? 0) * 1000 > Date.now()
    );
  }
}
