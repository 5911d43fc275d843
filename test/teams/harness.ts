/**
 * Runs the real Teams adapter end to end: the shared express app with /api/messages served by
 * botbuilder's CloudAdapter, an in-memory database with real migrations, and the fake Bot
 * Connector that every reply goes to. Tests POST activities over HTTP and read what the fake got.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { actions, commands } from "../../commands/index.js";
import { mountTeams } from "../../adapters/teams/server.js";
import { createTeamsAdapter, type TeamsAdapter } from "../../adapters/teams/index.js";
import { createHttpApp, listen } from "../../adapters/http/server.js";
import { createBot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import type { Services } from "../../src/app/services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { silentLogger, type Logger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { openTestStorage, type TestDatabase } from "../support/test-storage.js";
import { startFakeBotConnector, type ConnectorCall, type FakeBotConnector } from "../fakes/bot-connector.js";
import { testClock, type TestClock } from "../support/clock.js";
import type { AlertFeed } from "../../src/alerts/alert-source.js";
import { ADA, DANA, EVE, TENANT } from "./activities.js";

/** The running bot, its fake connector and helpers. */
export interface TeamsHarness {
  connector: FakeBotConnector;
  teams: TeamsAdapter;
  services: Services;
  clock: TestClock;
  storage: Storage;
  /** The workspace key of the test tenant. */
  workspace: string;
  /** The full URL of /api/messages. */
  messagesUrl: string;
  /** POSTs an activity to /api/messages. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  /** POSTs a raw JSON-typed body (for malformed-request tests). */
  postRaw(body: string): Promise<Response>;
  /** The Adaptive Card of a recorded call (its first attachment's content). */
  card(call: ConnectorCall | undefined): Record<string, unknown>;
  /** Every string a card shows (TextRun/TextBlock text, facts, button titles), joined by newlines. */
  cardText(call: ConnectorCall | undefined): string;
  /** The last call the fake recorded. */
  last(): ConnectorCall | undefined;
  /** Resolves once the bot's HTTP server has received `n` requests (their headers, at least) in all. */
  requestsReceived(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts everything on loopback ports; `appId` turns Bot Framework authentication on. */
export async function startTeamsHarness(
  options: {
    appId?: string;
    now?: string;
    alertFeed?: AlertFeed;
    log?: Logger;
    admins?: string[];
    /** A database to reopen (a restart, another replica); a fresh one otherwise. */
    database?: TestDatabase;
    /** MicrosoftAppType=MultiTenant: serve every tenant, not only TENANT. */
    multiTenant?: boolean;
  } = {},
): Promise<TeamsHarness> {
  const connector = await startFakeBotConnector(`/amer/${TENANT}/`);
  connector.members.push(ADA, DANA, EVE);
  const clock = testClock(options.now ?? "2026-11-28T10:00:00Z");
  const storage = await openTestStorage(options.database);
  const log = options.log ?? silentLogger();
  const services = createServices({
    storage,
    plan: loadPlan(),
    log,
    clock: clock.now,
    admins: options.admins ?? [ADA.aadObjectId ?? ""],
    ...(options.alertFeed ? { alertFeed: options.alertFeed } : {}),
  });
  const bot = createBot(services, commands, actions);
  const config = options.appId
    ? {
        appId: options.appId,
        appPassword: "not-a-real-secret",
        appType: "SingleTenant" as const,
        tenantId: TENANT,
        homeTenantId: TENANT,
        emulatorNoAuth: false,
        multiTenant: options.multiTenant ?? false,
      }
    : {
        appId: "",
        appPassword: "",
        appType: "MultiTenant" as const,
        tenantId: "",
        homeTenantId: TENANT,
        emulatorNoAuth: true,
        multiTenant: options.multiTenant ?? false,
      };
  const teams = createTeamsAdapter({
    config,
    bot,
    services,
    log,
    retry: { attempts: 3, baseDelayMs: 5, maxWaitMs: 3000 },
  });
  const http = createHttpApp();
  mountTeams(http, teams, log);
  const server: Server = await listen(http.app, 0, "127.0.0.1");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let received = 0;
  server.on("request", () => void received++);
  const requestsReceived = async (n: number) => {
    while (received < n) await new Promise((resolve) => server.once("request", () => setImmediate(resolve)));
  };

  const card = (call: ConnectorCall | undefined) => {
    const attachments = (call?.body?.attachments ??
      (call?.body?.activity as { attachments?: unknown } | undefined)?.attachments) as
      { content?: Record<string, unknown> }[] | undefined;
    return attachments?.[0]?.content ?? {};
  };
  const texts = (node: unknown): string[] => {
    if (Array.isArray(node)) return node.flatMap(texts);
    if (!node || typeof node !== "object") return [];
    const o = node as Record<string, unknown>;
    const own = [o.text, o.title, o.value, o.label].filter((v): v is string => typeof v === "string");
    return [
      ...own,
      ...Object.entries(o)
        .filter(([k]) => !["data", "msteams", "choices.data"].includes(k))
        .flatMap(([, v]) => texts(v)),
    ];
  };
  return {
    connector,
    teams,
    services,
    clock,
    storage,
    workspace: `teams:${TENANT}`,
    messagesUrl: `${base}/api/messages`,
    requestsReceived,
    post: (activity, headers = {}) =>
      fetch(`${base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(activity),
      }),
    postRaw: (body) =>
      fetch(`${base}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body }),
    card,
    cardText: (call) => texts(card(call)).join("\n"),
    last: () => connector.calls.at(-1),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await connector.close();
      await storage.close();
    },
  };
}
