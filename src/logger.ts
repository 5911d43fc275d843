/** Structured JSON logs (pino) with secrets redacted; the core sees only the small Logger interface. */
import { pino } from "pino";
import { requestFields } from "./request-context.js";

/** What the core and jobs log through. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

const REDACT = [
  "*.token", "*.password", "*.secret", "*.clientSecret", "*.signingSecret", "*.appPassword", "*.authorization",
  "headers.authorization", "req.headers.authorization", "config.slack.botToken", "config.slack.signingSecret",
  "config.slack.appToken", "config.teams.appPassword", "config.graph.clientSecret",
];

/** A pino logger writing JSON lines to stderr (stdout stays free for the console adapter). */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" }, base: { service: "secops-bot" }, mixin: requestFields }, destination);
}

/** A logger that drops everything, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
