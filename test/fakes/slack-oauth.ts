/**
 * The fake Slack's side of OAuth v2 installation. `grant` plays the admin who clicks "Allow" on
 * slack.com for one workspace: it issues a single-use code that `oauth.v2.access` exchanges, with the
 * app's client id and secret, for a new bot token of that workspace. The answer has the shape of
 * Slack's documented oauth.v2.access response (docs.slack.dev/reference/methods/oauth.v2.access).
 */
import { randomBytes } from "node:crypto";
import type { FakeWorkspace } from "./slack-web-api-methods.js";

/** The app's credentials the fake expects. */
export interface FakeOAuthApp {
  clientId: string;
  clientSecret: string;
  appId: string;
}

/** Codes waiting to be exchanged and the tokens they became. */
export class FakeOAuth {
  private readonly codes = new Map<string, { workspace: FakeWorkspace; scopes: string[]; redirectUri?: string }>();

  constructor(
    readonly app: FakeOAuthApp,
    private readonly issue: (token: string, workspace: FakeWorkspace) => void,
  ) {}

  /** The admin approved the install in `workspace` with `scopes`; returns the code Slack appends to the redirect. */
  grant(workspace: FakeWorkspace, scopes: string[], redirectUri?: string): string {
    const code = `${workspace.team_id}.${randomBytes(8).toString("hex")}`;
    this.codes.set(code, { workspace, scopes, ...(redirectUri ? { redirectUri } : {}) });
    return code;
  }

  /** oauth.v2.access: client credentials in the form body, as @slack/web-api sends them. */
  access(args: Record<string, unknown>): object {
    if (args.client_id !== this.app.clientId) return { ok: false, error: "invalid_client_id" };
    if (args.client_secret !== this.app.clientSecret) return { ok: false, error: "bad_client_secret" };
    const grant = this.codes.get(String(args.code ?? ""));
    if (!grant) return { ok: false, error: "invalid_code" };
    this.codes.delete(String(args.code));
    if (grant.redirectUri && args.redirect_uri !== grant.redirectUri) return { ok: false, error: "bad_redirect_uri" };
    const w = grant.workspace;
    const token = `xoxb-${w.team_id}-${randomBytes(12).toString("hex")}`;
    this.issue(token, w);
    return {
      ok: true,
      access_token: token,
      token_type: "bot",
      scope: grant.scopes.join(","),
      bot_user_id: w.bot_user_id,
      app_id: this.app.appId,
      team: { name: w.team, id: w.team_id },
      enterprise: w.enterprise_id ? { name: `Org ${w.enterprise_id}`, id: w.enterprise_id } : null,
      authed_user: { id: "UINSTALLER" },
      is_enterprise_install: false,
    };
  }
}
