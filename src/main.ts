/** Composition root: config → database → services → core → adapters. The only place that wires. */
import { actions, commands } from "../commands/index.js";
import { runConsole } from "../adapters/console/index.js";
import { loadConfig, ConfigError } from "./config.js";
import { createBot } from "./core/bot.js";
import { createServices } from "./core/create-services.js";
import { loadPlan } from "./data/load-plan.js";
import { createLogger } from "./logger.js";
import { openDatabase } from "./storage/db.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = openDatabase(config.databaseUrl);
  const consoleAdmins = config.platforms.includes("console") ? [config.consoleUser] : [];
  const services = createServices({
    db: database.db,
    plan: loadPlan(),
    log,
    clock: () => new Date(),
    admins: [...config.admins, ...consoleAdmins],
  });
  const bot = createBot(services, commands, actions);
  log.info({ platforms: config.platforms, database: config.databaseUrl }, "secops-bot starting");
  if (config.platforms.includes("console")) {
    await runConsole({ bot, input: process.stdin, output: process.stdout, user: config.consoleUser, prompt: process.stdin.isTTY === true });
    database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(err.message + "\n");
    process.exit(2);
  }
  process.stderr.write(`secops-bot failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
