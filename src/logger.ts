/** Structured JSON logs (pino) with secrets redacted; the core sees only the small Logger interface. */
import { format } from "node:util";
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
  "*.token",
  "*.password",
  "*.secret",
  "*.clientSecret",
  "*.signingSecret",
  "*.appPassword",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  "config.slack.botToken",
  "config.slack.signingSecret",
  "config.slack.appToken",
  "config.teams.appPassword",
  "config.graph.clientSecret",
];

/** Slack tokens of any workspace (OAuth mode keeps many, none known when the logger is made). */
const SLACK_TOKEN = /xox[abpers]-[A-Za-z0-9-]{8,}/g;

/**
 * A destination that blanks known secret values wherever they appear in a line (an SDK error that
 * carries a token, a URL with a password), as they appear raw or JSON-escaped: the redact paths
 * above only cover fields we know of.
 */
function scrubbing(destination: NodeJS.WritableStream, secrets: readonly string[]): { write(line: string): boolean } {
  const needles = [
    ...new Set(
      secrets.filter((s) => s.length >= 8).flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]),
    ),
  ].sort((a, b) => b.length - a.length);
  return {
    write: (line: string) =>
      destination.write(
        needles
          .reduce((text, needle) => text.split(needle).join("[redacted]"), line)
          .replace(SLACK_TOKEN, "[redacted]"),
      ),
  };
}

/** A pino logger writing JSON lines to stderr (stdout stays free for the console adapter); `secrets` never appear in its output. */
export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
  secrets: readonly string[] = [],
): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: "[redacted]" }, base: { service: "secops-bot" }, mixin: requestFields },
    scrubbing(destination, secrets),
  );
}

/** Sends what SDKs print with console.* (botbuilder logs refused requests that way) through `log`, so every line is JSON. */
export function routeConsoleTo(log: Logger): void {
  const line = (args: unknown[]) => ({ source: "console", text: format(...args).slice(0, 4000) });
  console.error = (...args: unknown[]) => log.error(line(args));
  console.warn = (...args: unknown[]) => log.warn(line(args));
  console.info = (...args: unknown[]) => log.info(line(args));
  console.log = (...args: unknown[]) => log.info(line(args));
  console.debug = (...args: unknown[]) => log.debug(line(args));
}

/** A logger that drops everything, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
