/**
 * Builds botbuilder's CloudAdapter from config.teams. An empty app id turns authentication off
 * (Bot Framework Emulator, local tests). Connector clients are made without the Azure SDK's
 * hidden retry policy (3 retries, honouring any Retry-After, 1 s–64 s backoff on 5xx): Teams
 * failures must reach our own code at once, so a turn answers in time and the outbox dispatcher
 * owns backoff for proactive messages instead of two retry loops stacking up.
 */
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
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

/** The CloudAdapter; turn errors are logged here rather than by botbuilder's console.error. */
export function createCloudAdapter(config: TeamsConfig, log: Logger): CloudAdapter {
  const adapter = new CloudAdapter(new NoHiddenRetryAuthentication(botFrameworkSettings(config), log));
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, "teams turn failed");
  };
  return adapter;
}
