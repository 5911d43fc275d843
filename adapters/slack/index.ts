/**
 * The Slack adapter: Bolt 5 serving the core over HTTP (POST /slack/events on the shared Express app,
 * signatures checked by Bolt) or Socket Mode (with SLACK_APP_TOKEN), plus the Messenger the outbox
 * dispatcher uses. With one SLACK_BOT_TOKEN it serves that workspace; in OAuth mode (SLACK_CLIENT_ID…)
 * it serves every workspace that installed it, each with its own token (see oauth.ts).
 * main.ts calls createSlackAdapter, then start(); stop() waits for work in flight.
 */
import { App, ExpressReceiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { Bot } from "../../src/core/bot.js";
import type { Messenger } from "../../src/core/messenger.js";
import type { Services } from "../../src/app/services.js";
import type { SlackConfig } from "../../src/config.js";
import type { Logger } from "../../src/logger.js";
import type { HttpApp } from "../http/server.js";
import { registerActions } from "./actions.js";
import { registerCommand } from "./command.js";
import { createContext } from "./context.js";
import { dedupeMiddleware } from "./dedupe.js";
import { refuseUntimelyRequests } from "./freshness.js";
import { registerHome } from "./home.js";
import { registerMentionImport } from "./mention-import.js";
import { toBoltLogger } from "./logger.js";
import { createSlackMessenger, MESSENGER_CLIENT_OPTIONS } from "./messenger.js";
import { homeTeam } from "./home-team.js";
import { databaseInstallationStore } from "./installation-store.js";
import { oauthReceiverOptions } from "./oauth.js";
import { createOriginSeal } from "./origin-seal.js";
import { SlackDirectory } from "./people.js";
import { registerSubmissions } from "./submissions.js";
import { registerUninstall } from "./uninstall.js";
import { installedWorkspaceClients } from "./workspace-clients.js";

/** The path Slack posts commands, clicks, submissions and events to (HTTP mode). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Largest request body Bolt reads; Slack's payloads for this app stay far below it. */
export const SLACK_BODY_LIMIT = "512kb";

/** Retries while a person waits: two quick retries on 5xx and network errors; a 429 waits for Retry-After. */
export const INTERACTIVE_RETRY = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3000, randomize: true };

/** What the adapter is built from. */
export interface SlackAdapterOptions {
  bot: Bot;
  services: Services;
  config: SlackConfig;
  log: Logger;
  /** The shared HTTP app (required in HTTP mode; in Socket Mode only its readiness check is used). */
  http?: HttpApp;
  /** Overrides for the Web API clients (tests shorten retries). */
  clientOptions?: webApi.WebClientOptions;
  /** How long a slash command's answer may take to go in the ack body (0: always after the ack). */
  ackAnswerBudgetMs?: number;
}

/** A built adapter: start it, use its messenger, stop it. */
export interface SlackAdapter {
  app: App;
  mode: "http" | "socket";
  /** Proactive messages for the outbox dispatcher. */
  messenger: Messenger;
  /** Verifies the token (auth.test) and, in Socket Mode, connects. */
  start(): Promise<void>;
  /** Resolves when all work started by requests so far has finished. */
  idle(): Promise<void>;
  /** Finishes the work in flight and disconnects (Socket Mode); the HTTP server is closed by its owner. */
  stop(): Promise<void>;
}

/** Builds the Bolt app with every listener registered; nothing talks to Slack until start(). */
export function createSlackAdapter(o: SlackAdapterOptions): SlackAdapter {
  const log = o.log.child({ adapter: "slack" });
  const logger = toBoltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: INTERACTIVE_RETRY,
    ...(o.config.apiUrl ? { slackApiUrl: o.config.apiUrl } : {}),
    ...o.clientOptions,
  };
  const mode = o.config.appToken ? "socket" : "http";
  const oauth = o.config.oauth;
  const installations = o.services.storage.slackInstallations;
  let receiver: ExpressReceiver | SocketModeReceiver;
  if (o.config.appToken) {
    receiver = new SocketModeReceiver({ appToken: o.config.appToken, logger, installerOptions: { clientOptions } });
  } else {
    if (!o.http) throw new Error("Slack over HTTP needs the shared HTTP app");
    o.http.app.post(SLACK_EVENTS_PATH, refuseUntimelyRequests());
    receiver = new ExpressReceiver({
      signingSecret: o.config.signingSecret,
      app: o.http.app,
      endpoints: SLACK_EVENTS_PATH,
      logger,
      bodyLimit: SLACK_BODY_LIMIT,
      ...(oauth
        ? oauthReceiverOptions(oauth, databaseInstallationStore(installations, o.services.clock), clientOptions, log)
        : {}),
    });
  }
  const app = new App({
    ...(oauth ? {} : { token: o.config.botToken }),
    receiver,
    socketMode: mode === "socket",
    clientOptions,
    logger,
    deferInitialization: true,
    convoStore: false,
  });
  const directory = new SlackDirectory(log);
  const seal = createOriginSeal(o.config.signingSecret, o.config.apiUrl);
  const ctx = createContext(o.bot, o.services, log, directory, seal);
  app.use(dedupeMiddleware(o.services.inbound, o.services.clock, log));
  registerCommand(app, ctx, o.ackAnswerBudgetMs);
  registerActions(app, ctx);
  registerSubmissions(app, ctx);
  registerHome(app, ctx);
  registerMentionImport(app, ctx);
  registerUninstall(app, ctx, !!oauth);
  app.error(async (err) => {
    log.error({ code: err.code, err: err.message }, "Slack listener error");
  });
  let ready = false;
  o.http?.addReadinessCheck("slack", async () => {
    if (!ready) return { ok: false, detail: "not started" };
    if (!oauth) return { ok: true, detail: `${mode} mode, token verified` };
    const installed = await installations.count();
    return { ok: true, detail: `${mode} mode, OAuth installation, ${installed} workspace(s) installed` };
  });
  const messengerOptions = { ...clientOptions, ...MESSENGER_CLIENT_OPTIONS, logger };
  return {
    app,
    mode,
    messenger: createSlackMessenger(
      oauth
        ? installedWorkspaceClients(installations, messengerOptions)
        : new webApi.WebClient(o.config.botToken, messengerOptions),
    ),
    async start() {
      await app.init();
      // An OAuth app serves many workspaces, so none is home: SECOPS_ADMINS names Slack admins as <team id>/<user id>.
      const home = oauth ? undefined : await homeTeam(app.client, log);
      if (home) directory.setHome(home);
      if (mode === "socket") await app.start();
      ready = true;
      log.info({ mode }, "Slack adapter ready");
    },
    idle: () => ctx.idle(),
    async stop() {
      ready = false;
      await ctx.idle();
      if (mode === "socket") await app.stop();
    },
  };
}
