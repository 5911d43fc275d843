/**
 * The distributed app's installation (OAuth mode): Bolt's ExpressReceiver serves /slack/install (an
 * "Add to Slack" page that sets Bolt's signed state cookie) and /slack/oauth_redirect (checks the
 * state against the cookie, exchanges the code with oauth.v2.access, stores the installation), on
 * the shared HTTP app. The pages it answers with say nothing about the request that came in.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { InstallationStore, webApi } from "@slack/bolt";
import type { SlackOAuthConfig } from "../../src/config.js";
import type { Logger } from "../../src/logger.js";

/** Where a workspace admin starts the installation. */
export const SLACK_INSTALL_PATH = "/slack/install";
/** Where Slack sends the admin back with the code (the app's Redirect URL). */
export const SLACK_REDIRECT_PATH = "/slack/oauth_redirect";

/** The bot scopes the app asks for on install: the same as adapters/slack/manifest.json. */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "users:read",
  "users:read.email",
  "im:write",
  "team:read",
  "files:write",
  "files:read",
  "app_mentions:read",
] as const;

const page = (title: string, text: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;

function answer(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}

/** The ExpressReceiver options that turn on installation through OAuth. */
export function oauthReceiverOptions(
  oauth: SlackOAuthConfig,
  installationStore: InstallationStore,
  clientOptions: webApi.WebClientOptions,
  log: Logger,
) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore,
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_REDIRECT_PATH,
      directInstall: false,
      renderHtmlForInstallPath: (url: string) =>
        page(
          "Install the SecOps bot",
          `<a href="${url.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">Add to Slack</a>`,
        ),
      stateVerification: true,
      clientOptions,
      callbackOptions: {
        success: (
          installation: { team?: { id?: string }; enterprise?: { id?: string } },
          _o: unknown,
          _req: IncomingMessage,
          res: ServerResponse,
        ) => {
          log.info(
            { team: installation.team?.id, enterprise: installation.enterprise?.id },
            "Slack: the app was installed in a workspace",
          );
          answer(res, 200, page("SecOps bot installed", "Type /secops help in any channel the bot is in."));
        },
        failure: (error: Error & { code?: string }, _o: unknown, _req: IncomingMessage, res: ServerResponse) => {
          log.warn({ code: error.code, err: error.message.slice(0, 200) }, "Slack: an installation did not complete");
          answer(res, 400, page("Installation did not complete", `Start again from ${SLACK_INSTALL_PATH}.`));
        },
      },
    },
  };
}
