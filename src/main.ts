/** Composition root: config → database → services → core → adapters → background. The only place that wires. */
import type { Server } from "node:http";
import { resolve } from "node:path";
import { actions, commands } from "../commands/index.js";
import { createConsoleMessenger, runConsole } from "../adapters/console/index.js";
import { CONNECTION_LIMITS, createHttpApp, listen } from "../adapters/http/server.js";
import { SLACK_CAPABILITIES } from "../adapters/slack/context.js";
import { createSlackAdapter } from "../adapters/slack/index.js";
import { createTeamsAdapter } from "../adapters/teams/index.js";
import { TEAMS_CAPABILITIES } from "../adapters/teams/parse.js";
import { mountTeams } from "../adapters/teams/server.js";
import { createAlertFeed } from "./alerts/create-alert-feed.js";
import { ConfigError, loadConfig } from "./config.js";
import { createBot } from "./core/bot.js";
import { createServices } from "./core/create-services.js";
import type { Messenger } from "./core/messenger.js";
import { loadPlan } from "./data/load-plan.js";
import { createLogger, routeConsoleTo } from "./logger.js";
import { startBackground } from "./scheduler/background.js";
import { openDatabase, probeWrite, type OpenDatabase } from "./storage/db.js";
import { isUnwritable, WriteHealth } from "./storage/unwritable.js";
import { migrationStatus } from "./storage/migration-status.js";
import { IncidentRepository } from "./storage/repositories/incident-repository.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const secrets = [
    config.slack?.botToken,
    config.slack?.signingSecret,
    config.slack?.appToken,
    config.teams?.appPassword,
    config.graph?.clientSecret,
    config.statusToken,
  ];
  const log = createLogger(
    config.logLevel,
    process.stderr,
    secrets.filter((s): s is string => !!s),
  );
  routeConsoleTo(log);
  const database = openWritableDatabase(config.databaseUrl);
  const writes = new WriteHealth();
  const consoleAdmins = config.platforms.includes("console") ? [config.consoleUser] : [];
  const services = createServices({
    db: database.db,
    plan: loadPlan(),
    log,
    clock: () => new Date(),
    admins: [...config.admins, ...consoleAdmins],
    trainingNudgeDays: config.trainingNudgeDays,
    alertFeed: createAlertFeed(
      config.graph,
      config.incidentSync,
      () => new Date(),
      new IncidentRepository(database.db),
    ),
  });
  const bot = createBot(services, commands, actions, { onUnwritable: () => writes.markFailed() });
  log.info(
    { platforms: config.platforms, database: config.databaseUrl, incidents: services.alertFeed.source.kind },
    "secops-bot starting",
  );

  const messengers: Messenger[] = [];
  if (config.platforms.includes("console")) messengers.push(createConsoleMessenger(process.stdout));
  const http = createHttpApp(log, config.statusToken ? { statusToken: config.statusToken } : {});
  http.addReadinessCheck("database", () => migrationStatus(database.sqlite));
  http.addReadinessCheck("writes", () => writes.check(() => probeWrite(database.sqlite)));
  const slack = config.slack ? createSlackAdapter({ bot, services, config: config.slack, log, http }) : undefined;
  if (slack) {
    await slack.start();
    messengers.push(slack.messenger);
  }
  const teams = config.teams ? createTeamsAdapter({ bot, services, config: config.teams, log }) : undefined;
  if (teams) {
    mountTeams(http, teams, log);
    messengers.push(teams.messenger);
  }
  let server: Server | undefined;
  if (slack || teams) {
    const host = teams && !teams.authenticated ? "127.0.0.1" : "0.0.0.0";
    server = await listen(http.app, config.port, host);
    server.keepAliveTimeout = CONNECTION_LIMITS.keepAliveTimeoutMs;
    log.info(
      {
        port: config.port,
        host,
        slack: slack?.mode,
        teams: teams ? (teams.authenticated ? "authenticated" : "no authentication") : undefined,
      },
      "serving HTTP",
    );
  }
  const imagesOn = { console: false, slack: SLACK_CAPABILITIES.images, teams: TEAMS_CAPABILITIES.images };
  const started = startBackground({ services, messengers, showsImages: (platform) => imagesOn[platform] });

  let stopping: Promise<void> | undefined;
  /** Stop accepting, finish in-flight turns, the catch-up jobs and the message being sent, then close the database. */
  const shutdown = (reason: string): Promise<void> =>
    (stopping ??= (async () => {
      log.info({ reason }, "shutting down");
      const closed = server ? new Promise<void>((resolve) => server?.close(() => resolve())) : Promise.resolve();
      server?.closeIdleConnections();
      await slack?.stop();
      await closed;
      await (await started).stop();
      database.close();
      log.info({}, "stopped");
    })());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }
  const background = await started;

  if (config.platforms.includes("console")) {
    await runConsole({
      bot,
      input: process.stdin,
      output: process.stdout,
      user: config.consoleUser,
      prompt: process.stdin.isTTY === true,
    });
    if (!server) {
      for (let pass = 0; pass < 20 && (await background.dispatcher.tick()) > 0; pass++);
      await shutdown("end of input");
    }
  }
}

class UnwritableDatabase extends Error {}

/** Opens and migrates the database, then proves it takes writes; a read-only or full one stops the start with one line. */
function openWritableDatabase(url: string): OpenDatabase {
  try {
    const database = openDatabase(url);
    probeWrite(database.sqlite);
    return database;
  } catch (err) {
    if (!isUnwritable(err)) throw err;
    const path = url.startsWith("file:") ? url.slice("file:".length) : url;
    throw new ConfigError([
      `DATABASE_URL: ${resolve(path)} cannot be written (read-only or full); the bot needs to write to it`,
    ]);
  }
}

main().catch((err: unknown) => {
  if (err instanceof UnwritableDatabase) {
    process.stderr.write(err.message + "\n");
    process.exit(2);
  }
  if (err instanceof ConfigError) {
    process.stderr.write(err.message + "\n");
    process.exit(2);
  }
  process.stderr.write(`secops-bot failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
