/** Composition root: config → database → services → core → adapters → background. The only place that wires. */
import type { Server } from "node:http";
import { actions, commands } from "../commands/index.js";
import { createConsoleMessenger, runConsole } from "../adapters/console/index.js";
import type { HttpApp } from "../adapters/http/server.js";
import type { createSlackAdapter } from "../adapters/slack/index.js";
import type { createTeamsAdapter } from "../adapters/teams/index.js";
import { createAlertFeed } from "./alerts/create-alert-feed.js";
import { backfillProgress, describeBackfill, type BackfillProgress } from "./alerts/sync.js";
import { ConfigError, loadConfig } from "./config.js";
import { createBot } from "./core/bot.js";
import { startupAdmins } from "./core/admins.js";
import { DEFAULT_ROLE_NEEDS } from "./training/default-needs.js";
import { createServices } from "./app/create-services.js";
import type { Messenger } from "./core/messenger.js";
import { loadPlan } from "./data/load-plan.js";
import { createLogger, routeConsoleTo } from "./logger.js";
import { startBackground } from "./app/background.js";
import type { JobLease } from "./scheduler/job-lease.js";
import { StorageOpenError } from "./storage/open-error.js";
import { describeDatabase, openStorage } from "./storage/open-storage.js";
import type { Storage } from "./storage/storage.js";
import { WriteHealth } from "./storage/unwritable.js";

type SlackDeps = Parameters<typeof createSlackAdapter>[0];
type SlackAdapter = ReturnType<typeof createSlackAdapter>;
type TeamsDeps = Parameters<typeof createTeamsAdapter>[0];
type TeamsAdapter = ReturnType<typeof createTeamsAdapter>;

async function main(): Promise<void> {
  const config = loadConfig();
  const secrets = [
    config.slack?.botToken,
    config.slack?.signingSecret,
    config.slack?.appToken,
    config.slack?.oauth?.clientSecret,
    config.slack?.oauth?.stateSecret,
    config.encryptionKey?.toString("base64"),
    config.encryptionKey?.toString("hex"),
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
  const plan = loadPlan();
  const storage = await openStorage(
    {
      url: config.databaseUrl,
      poolMax: config.databasePoolMax,
      ...(config.databaseCaFile ? { caFile: config.databaseCaFile } : {}),
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
      onIdleError: (err) => log.warn({ err }, "an idle PostgreSQL connection failed; the pool replaces it"),
    },
    plan,
    { roleNeeds: DEFAULT_ROLE_NEEDS, ...(config.encryptionKey ? { encryptionKey: config.encryptionKey } : {}) },
  );
  const writes = new WriteHealth();
  const services = createServices({
    storage,
    plan,
    log,
    clock: () => new Date(),
    admins: startupAdmins(config.admins, config.platforms.includes("console")),
    trainingNudgeDays: config.trainingNudgeDays,
    alertFeed: createAlertFeed(config.graph, config.incidentSync, () => new Date(), storage.incidents),
    tenantWorkspaces: config.graphTenantWorkspaces,
  });
  const bot = createBot(services, commands, actions, { onUnwritable: () => writes.markFailed() });
  log.info(
    {
      platforms: config.platforms,
      database: describeDatabase(config.databaseUrl),
      incidents: services.alertFeed.source.kind,
    },
    "secops-bot starting",
  );

  const messengers: Messenger[] = [];
  if (config.platforms.includes("console")) messengers.push(createConsoleMessenger(process.stdout));
  const jobs: { lease?: JobLease } = {};
  // The HTTP server and each platform's SDK are imported only when configured: the console needs none of them.
  const platformHttp = config.slack || config.teams ? await import("../adapters/http/server.js") : undefined;
  const http = platformHttp?.createHttpApp(log, config.statusToken ? { statusToken: config.statusToken } : {});
  if (http) addReadinessChecks(http, storage, writes, jobs, () => backfillProgress(services.alertFeed.source));
  const slack = config.slack && http ? await startSlack({ bot, services, config: config.slack, log, http }) : undefined;
  if (slack) messengers.push(slack.messenger);
  const teams = config.teams && http ? await startTeams({ bot, services, config: config.teams, log }, http) : undefined;
  if (teams) messengers.push(teams.messenger);
  let server: Server | undefined;
  if (http && platformHttp) {
    const host = teams && !teams.authenticated ? "127.0.0.1" : "0.0.0.0";
    server = await platformHttp.listen(http.app, config.port, host);
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
  const started = startBackground({ services, messengers });

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
      await storage.close();
      log.info({}, "stopped");
    })());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }
  const background = await started;
  jobs.lease = background.lease;

  if (config.platforms.includes("console")) {
    await runConsole({
      bot,
      input: process.stdin,
      output: process.stdout,
      user: config.consoleUser,
      knownPeople: async (workspace) => (await services.people.all(workspace)).map((p) => p.platformUserId),
      prompt: process.stdin.isTTY === true,
    });
    if (!server) {
      for (let pass = 0; pass < 20 && (await background.dispatcher.tick()) > 0; pass++);
      await shutdown("end of input");
    }
  }
}

/** The Slack adapter, its SDK imported now that Slack is configured. */
async function startSlack(deps: SlackDeps): Promise<SlackAdapter> {
  const slack = (await import("../adapters/slack/index.js")).createSlackAdapter(deps);
  await slack.start();
  return slack;
}

/** The Teams adapter mounted on the HTTP app, its SDK imported now that Teams is configured. */
async function startTeams(deps: TeamsDeps, http: HttpApp): Promise<TeamsAdapter> {
  const [{ createTeamsAdapter }, { mountTeams }] = await Promise.all([
    import("../adapters/teams/index.js"),
    import("../adapters/teams/server.js"),
  ]);
  const teams = createTeamsAdapter(deps);
  mountTeams(http, teams, deps.log);
  return teams;
}

/** /readyz: the database's migrations, whether it takes writes, and who runs the scheduled jobs. */
function addReadinessChecks(
  http: HttpApp,
  storage: Storage,
  writes: WriteHealth,
  jobs: { lease?: JobLease },
  backfill: () => BackfillProgress | undefined,
): void {
  http.addReadinessCheck("database", async () => {
    const state = await storage.migrationState();
    return { ok: state.ok, detail: `${storage.engine}: ${state.detail}` };
  });
  http.addReadinessCheck("writes", () => writes.check(() => storage.probeWrite()));
  http.addReadinessCheck("jobs", () => {
    const running = backfill();
    const detail = !jobs.lease
      ? "starting"
      : jobs.lease.held()
        ? "this replica runs the scheduled jobs"
        : "another replica runs the scheduled jobs";
    return {
      ok: true,
      detail: running ? `${detail}; ${describeBackfill(running)}` : detail,
    };
  });
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StorageOpenError) {
    process.stderr.write(err.message + "\n");
    process.exit(2);
  }
  process.stderr.write(`secops-bot failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
