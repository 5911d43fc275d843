/**
 * The Teams adapter, wired: CloudAdapter (botbuilder 4.23), the turn handler and the Messenger.
 * main.ts builds it when SECOPS_PLATFORMS includes teams and mounts it with mountTeams (server.ts).
 * Every botbuilder import lives in this folder, so moving to its successor SDK touches only here.
 */
import type { TurnContext } from "botbuilder";
import type { TeamsConfig } from "../../src/config.js";
import type { Bot } from "../../src/core/bot.js";
import type { Messenger } from "../../src/core/messenger.js";
import type { Services } from "../../src/app/services.js";
import type { Logger } from "../../src/logger.js";
import { type Authenticate, createCloudAdapter, type PreAuthenticatedAdapter } from "./auth.js";
import type { RetryPolicy } from "./errors.js";
import { createTurnHandler } from "./handler.js";
import { MemberDirectory } from "./members.js";
import { createTeamsMessenger } from "./messenger.js";
import { tenantPolicy, type TenantPolicy } from "./tenants.js";
import { TeamsUserIds } from "./user-ids.js";

/** What the Teams adapter is built from. */
export interface TeamsAdapterOptions {
  config: TeamsConfig;
  bot: Bot;
  services: Services;
  log: Logger;
  /** How replies inside a turn are retried (tests shorten the waits). */
  retry?: RetryPolicy;
}

/** The built adapter: serve `handleTurn` through `adapter.process`, and hand `messenger` to the dispatcher. */
export interface TeamsAdapter {
  adapter: PreAuthenticatedAdapter;
  handleTurn: (ctx: TurnContext) => Promise<void>;
  messenger: Messenger;
  /** Checks an inbound request's Bot Framework token (anything passes when authentication is off). */
  authenticate: Authenticate;
  /** True when inbound requests must carry a valid Bot Framework token. */
  authenticated: boolean;
  /** The bot's Microsoft App Id (empty without authentication). */
  appId: string;
  /** Whether the tenant an activity came from is served (one tenant unless MicrosoftAppType=MultiTenant). */
  servesTenant: TenantPolicy;
}

/** Builds the Teams adapter over the shared services. */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const log = options.log.child({ platform: "teams" });
  const { adapter, authenticate } = createCloudAdapter(options.config, log);
  const userIds = new TeamsUserIds();
  const conversations = options.services.conversations;
  const handleTurn = createTurnHandler({
    bot: options.bot,
    services: options.services,
    conversations,
    directory: new MemberDirectory(log, options.config.homeTenantId, userIds),
    log,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const messenger = createTeamsMessenger({
    adapter,
    appId: options.config.appId,
    conversations,
    people: options.services.people,
    userIds,
    offers: options.services.fileOffers,
    clock: options.services.clock,
    log,
  });
  const authenticated = options.config.appId !== "";
  if (!authenticated)
    log.warn(
      { setting: "SECOPS_TEAMS_NO_AUTH" },
      "teams: SECOPS_TEAMS_NO_AUTH=emulator, so /api/messages accepts unauthenticated requests; serving on 127.0.0.1 only and /readyz answers 503",
    );
  return {
    adapter,
    handleTurn,
    messenger,
    authenticate,
    authenticated,
    appId: options.config.appId,
    servesTenant: tenantPolicy(options.config),
  };
}
