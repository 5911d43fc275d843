/**
 * Builds botbuilder's CloudAdapter from config.teams. An empty app id turns authentication off,
 * which config allows only with SECOPS_TEAMS_NO_AUTH=emulator (Bot Framework Emulator, local tests).
 * `authenticate` checks an inbound token before the turn: any failure is one quiet refusal. Connector clients are made without the Azure SDK's
 * hidden retry policy (3 retries, honouring any Retry-After, 1 s–64 s backoff on 5xx): Teams
 * failures must reach our own code at once, so a turn answers in time and the outbox dispatcher
 * owns backoff for proactive messages instead of two retry loops stacking up.
 */
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from "botbuilder";
import type { TeamsConfig } from "../../src/config.js";
import type { Logger } from "../../src/logger.js";

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>[0];
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;
/** The connector client botbuilder makes for a serviceUrl. */
export type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown[] } };
}

/** The name core-rest-pipeline gives its default retry policy. */
const SDK_RETRY_POLICY = "defaultRetryPolicy";

/** Removes the SDK's retry policy from a connector client (it lives on a private field, hence the guard). */
export function withoutSdkRetries(client: ConnectorClient, log?: Logger): ConnectorClient {
  const pipeline = (client as unknown as PipelineHolder).client?.pipeline;
  if (pipeline && typeof pipeline.removePolicy === "function") pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  else log?.warn({}, "teams: could not remove the connector's retry policy; the SDK will retry on its own");
  return client;
}

class NoHiddenRetryAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly log: Logger,
  ) {
    super(options);
  }

  /** Inbound turns get their connector factory here (not from createConnectorFactory). */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (result.connectorFactory) result.connectorFactory = this.wrap(result.connectorFactory);
    return result;
  }

  /** Proactive turns (continueConversationAsync, createConversationAsync) get theirs here. */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.wrap(super.createConnectorFactory(claimsIdentity));
  }

  private wrap(inner: ConnectorFactory): ConnectorFactory {
    return {
      create: async (serviceUrl: string, audience?: string) =>
        withoutSdkRetries(await inner.create(serviceUrl, audience), this.log),
    };
  }
}

/** A CloudAdapter that runs a turn for a request authenticated beforehand (see `authenticate`). */
export class PreAuthenticatedAdapter extends CloudAdapter {
  /** Runs `logic` for `activity`; resolves with the invoke response, if the turn produced one. */
  run(auth: AuthenticateRequestResult, activity: Activity, logic: (ctx: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }
}

/** botbuilder's own setting names, filled from config (blank ones left out). */
export function botFrameworkSettings(config: TeamsConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = { MicrosoftAppId: config.appId };
  if (config.appId) {
    if (config.appPassword) settings.MicrosoftAppPassword = config.appPassword;
    settings.MicrosoftAppType = config.appType;
    if (config.tenantId) settings.MicrosoftAppTenantId = config.tenantId;
  }
  return settings;
}

/** The result of a successful inbound authentication, handed to CloudAdapter.processActivity. */
export type InboundAuthentication = AuthenticateRequestResult;

/** Checks an inbound request's token; resolves undefined for any invalid one (logged at debug; the caller logs the refusal). */
export type Authenticate = (activity: Activity, authHeader: string) => Promise<InboundAuthentication | undefined>;

/** The CloudAdapter and the inbound token check; turn errors are logged here rather than by botbuilder's console.error. */
export function createCloudAdapter(
  config: TeamsConfig,
  log: Logger,
): { adapter: PreAuthenticatedAdapter; authenticate: Authenticate } {
  if (!config.appId && !config.emulatorNoAuth)
    throw new Error("Teams without MicrosoftAppId needs SECOPS_TEAMS_NO_AUTH=emulator");
  const auth = new NoHiddenRetryAuthentication(botFrameworkSettings(config), log);
  const adapter = new PreAuthenticatedAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, "teams turn failed");
  };
  const authenticate: Authenticate = async (activity, authHeader) => {
    try {
      return await auth.authenticateRequest(activity, authHeader);
    } catch (err) {
      const reason =
        err instanceof Error ? `${err.name}: ${err.message.split("\n")[0]?.slice(0, 160) ?? ""}` : "invalid";
      log.debug({ reason }, "teams: token check failed");
      return undefined;
    }
  };
  return { adapter, authenticate };
}
