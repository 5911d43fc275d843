/**
 * Benchmark worker: serves /slack/events on a loopback port with either the REAL Slack adapter
 * (createSlackAdapter over the core and the seeded database, wired as main.ts does) or a BARE Bolt
 * app whose /secops listener only acks. Both use Bolt's ExpressReceiver on createHttpApp and the same
 * JSON logger (into a file), so what differs is the adapter's work. IPC: sends { port } when ready,
 * answers "idle" with its CPU and memory use once the work in flight is done, and exits on "stop";
 * does nothing unless forked by the benchmark.
 *
 * Arguments: real|bare <JSON BenchDatabase> <fake Slack API url> <log file>
 */
import { createWriteStream } from "node:fs";
import type { AddressInfo } from "node:net";
import { App, ExpressReceiver } from "@slack/bolt";
import { createHttpApp, listen, type HttpApp } from "../adapters/http/server.js";
import { createSlackAdapter, SLACK_EVENTS_PATH } from "../adapters/slack/index.js";
import { toBoltLogger } from "../adapters/slack/logger.js";
import { actions, commands } from "../commands/index.js";
import { createBot } from "../src/core/bot.js";
import { createServices } from "../src/app/create-services.js";
import { loadPlan } from "../src/data/load-plan.js";
import { createLogger, type Logger } from "../src/logger.js";
import { openBenchStorage, type BenchDatabase } from "./database.js";
import { BOT_TOKEN, SECRET } from "./slack-fixture.js";
import { toParent, usage } from "./worker.js";

/** What the parent can ask the worker for. */
export type ServerMessage = { port: number } | ReturnType<typeof usage>;

interface Served {
  idle(): Promise<void>;
  close(): Promise<void>;
}

async function real(http: HttpApp, log: Logger, db: BenchDatabase, apiUrl: string): Promise<Served> {
  const storage = await openBenchStorage(db);
  const services = createServices({ storage, plan: loadPlan(), log, clock: () => new Date(), admins: [] });
  const adapter = createSlackAdapter({
    bot: createBot(services, commands, actions),
    services,
    log,
    http,
    config: { botToken: BOT_TOKEN, signingSecret: SECRET, apiUrl },
  });
  await adapter.start();
  return { idle: () => adapter.idle(), close: () => storage.close() };
}

async function bare(http: HttpApp, log: Logger, apiUrl: string): Promise<Served> {
  const logger = toBoltLogger(log);
  const receiver = new ExpressReceiver({ signingSecret: SECRET, app: http.app, endpoints: SLACK_EVENTS_PATH, logger });
  const app = new App({
    token: BOT_TOKEN,
    receiver,
    logger,
    clientOptions: { slackApiUrl: apiUrl },
    deferInitialization: true,
  });
  app.command("/secops", async ({ ack }) => {
    await ack();
  });
  await app.init();
  return { idle: async () => undefined, close: async () => undefined };
}

async function main(): Promise<void> {
  const [mode, dbJson = "{}", apiUrl = "", logPath = ""] = process.argv.slice(2);
  const logFile = createWriteStream(logPath);
  const log = createLogger("info", logFile);
  const http = createHttpApp(log);
  const served =
    mode === "real"
      ? await real(http, log, JSON.parse(dbJson) as BenchDatabase, apiUrl)
      : await bare(http, log, apiUrl);
  const server = await listen(http.app, 0, "127.0.0.1");
  process.on("message", (message) => {
    const what = (message as { do?: string }).do;
    if (what === "idle") return void served.idle().then(() => toParent(usage()));
    void served.idle().then(async () => {
      server.closeAllConnections();
      server.close();
      await served.close();
      logFile.end(() => process.exit(0));
    });
  });
  toParent({ port: (server.address() as AddressInfo).port });
}

if (process.send) void main();
