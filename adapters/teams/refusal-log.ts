/**
 * One quiet log line per refused Teams request, at most `perMinute` a minute: a flood of bad tokens
 * must not become a flood of log lines. The next line after a quiet spell says how many were not logged.
 */
import type { Logger } from "../../src/logger.js";

/** Logs a refusal with its reason; returns nothing and never throws. */
export type RefusalLog = (reason: string) => void;

/** Builds the rate-limited refusal logger. */
export function createRefusalLog(
  log: Logger,
  perMinute = 20,
  now: () => number = Date.now,
  message = "teams: request refused (401)",
): RefusalLog {
  let windowStart = 0;
  let logged = 0;
  let unlogged = 0;
  return (reason) => {
    const t = now();
    if (t - windowStart >= 60_000) {
      windowStart = t;
      logged = 0;
    }
    if (logged >= perMinute) {
      unlogged++;
      return;
    }
    logged++;
    log.info({ reason, ...(unlogged ? { notLogged: unlogged } : {}) }, message);
    unlogged = 0;
  };
}
