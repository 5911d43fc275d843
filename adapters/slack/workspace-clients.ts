/**
 * In OAuth mode each workspace has its own bot token: proactive messages for `slack:<team>` go out
 * with the token of that team's installation, read from the database on every send so an uninstall
 * takes effect at once. A workspace without an installation is a permanent delivery failure.
 */
import { webApi } from "@slack/bolt";
import { DeliveryError } from "../../src/core/messenger.js";
import type { SlackInstallationRepository } from "../../src/storage/repositories/slack-installation-repository.js";
import type { ClientForWorkspace } from "./messenger.js";

const MAX_CLIENTS = 1000;

/** The bot token of a stored installation, if it has one. */
export function botTokenOf(installation: Record<string, unknown>): string | undefined {
  const bot = installation.bot as { token?: unknown } | undefined;
  return typeof bot?.token === "string" && bot.token ? bot.token : undefined;
}

/** A client per installed workspace, made with `options` (the messenger's: no retries, rate limits rejected). */
export function installedWorkspaceClients(
  installations: SlackInstallationRepository,
  options: webApi.WebClientOptions,
): ClientForWorkspace {
  const clients = new Map<string, { token: string; client: webApi.WebClient }>();
  return async (workspace) => {
    const teamId = workspace.startsWith("slack:") ? workspace.slice("slack:".length) : "";
    const found = teamId ? await installations.forWorkspace(teamId) : undefined;
    const token = found ? botTokenOf(found.installation) : undefined;
    if (!token) throw new DeliveryError(`the Slack app is not installed in ${workspace}`, true);
    const known = clients.get(workspace);
    if (known?.token === token) return known.client;
    if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value ?? "");
    const client = new webApi.WebClient(token, options);
    clients.set(workspace, { token, client });
    return client;
  };
}
