/** Bolt and the Web API client log through the bot's own structured logger (so secrets stay redacted). */
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";

function line(parts: unknown[]): string {
  return parts
    .map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === "string" ? p : safeJson(p)))
    .join(" ")
    .slice(0, 2000);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A Bolt-shaped logger over ours; the level is decided by LOG_LEVEL, not by Bolt. */
export function toBoltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug({ bolt: line(m) }),
    info: (...m: unknown[]) => log.info({ bolt: line(m) }),
    warn: (...m: unknown[]) => log.warn({ bolt: line(m) }),
    error: (...m: unknown[]) => log.error({ bolt: line(m) }),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
