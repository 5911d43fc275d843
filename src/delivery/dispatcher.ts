/**
 * The dispatcher: sends due outbox rows through the platform's Messenger, one at a time, in id order
 * per conversation, within each platform's per-conversation rate limit. Replies and updates wait for
 * their root and use its ids. Transient failures retry (Retry-After, else exponential backoff) and hold
 * back the rest of that conversation so order is kept; permanent ones fail the row.
 *
 * Exactly-once, nearly: a row is sent, then marked sent. A crash between the two leaves that one row
 * pending and it is sent again on restart, so at most one message (the one in flight) can repeat.
 */
import type { PlatformName } from "../core/incoming.js";
import { DeliveryError, type Messenger } from "../core/messenger.js";
import type { Logger } from "../logger.js";
import type { Db } from "../storage/db.js";
import { markConversationInactive } from "../storage/repositories/conversation-activity.js";
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from "./backoff.js";
import {
  failPendingIn,
  markFailed,
  markRetry,
  markSent,
  pendingRows,
  rowByKey,
  type OutboxRow,
} from "./outbox-rows.js";
import { ConversationLimiter, PLATFORM_LIMITS, type RateWindow } from "./rate-limiter.js";
import { sendRow } from "./send.js";

/** What the dispatcher works with. */
export interface DispatcherOptions {
  db: Db;
  messengers: readonly Messenger[];
  clock: () => Date;
  log: Logger;
  /** Pause between passes (default 1000 ms). */
  intervalMs?: number;
  limits?: Record<PlatformName, RateWindow[]>;
  retry?: Partial<RetryPolicy>;
}

/** A running (or runnable) dispatcher. */
export interface Dispatcher {
  /** One pass over the due rows; resolves with how many were sent. */
  tick(): Promise<number>;
  /** Starts the timer loop. */
  start(): void;
  /** Stops the loop after the message in flight (if any) is sent and recorded. */
  stop(): Promise<void>;
}

type Outcome = "sent" | "next" | "blocked";

/** Builds a dispatcher over the outbox. */
export function createDispatcher(o: DispatcherOptions): Dispatcher {
  const messengers = new Map(o.messengers.map((m) => [m.platform, m]));
  const limiter = new ConversationLimiter(o.limits ?? PLATFORM_LIMITS);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...o.retry };
  const missing = new Set<string>();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> | undefined;

  async function deliver(row: OutboxRow, lane: string): Promise<Outcome> {
    const now = o.clock();
    if (Date.parse(row.nextAttemptAt) > now.getTime()) return row.attempts > 0 ? "blocked" : "next";
    let root: OutboxRow | undefined;
    if (row.rootKey) {
      root = rowByKey(o.db, row.rootKey);
      if (!root || root.status === "failed") {
        markFailed(o.db, row, root ? `root ${row.rootKey} failed` : `root ${row.rootKey} was never enqueued`);
        return "next";
      }
      if (root.status !== "sent") return "blocked";
    }
    const platform = row.platform as PlatformName;
    const messenger = messengers.get(platform);
    if (!messenger) {
      if (!missing.has(platform))
        o.log.warn({ platform }, "outbox has messages for a platform that is not enabled; they wait");
      missing.add(platform);
      return "blocked";
    }
    if (!limiter.tryTake(platform, lane, now.getTime())) return "blocked";
    try {
      const ref = await sendRow(messenger, row, root);
      markSent(o.db, row, ref, o.clock());
      return "sent";
    } catch (err) {
      return failed(row, err);
    }
  }

  /** Records a failed attempt; a gone conversation or a retry holds back the rest of the conversation. */
  function failed(row: OutboxRow, err: unknown): Outcome {
    const now = o.clock();
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof DeliveryError && err.permanent) {
      o.log.warn({ key: row.key, err: message }, "outbox message failed for good");
      markFailed(o.db, row, message);
      if (err.conversationGone) {
        const kind = row.op === "dm" ? "personal" : "channel";
        markConversationInactive(
          o.db,
          { workspace: row.workspace, platform: row.platform as PlatformName, id: row.conversationId, kind },
          now,
        );
        failPendingIn(o.db, row.platform, row.conversationId, `conversation gone: ${message}`);
        return "blocked";
      }
      return "next";
    }
    if (row.firstFailedAt && now.getTime() - Date.parse(row.firstFailedAt) > retry.giveUpAfterMs) {
      o.log.error({ key: row.key, err: message }, "outbox message gave up after retrying too long");
      markFailed(o.db, row, `gave up: ${message}`);
      return "next";
    }
    const delay = retryDelay(row.attempts + 1, err instanceof DeliveryError ? err.retryAfterMs : undefined, retry);
    o.log.info({ key: row.key, err: message, retryInMs: delay }, "outbox message will be retried");
    markRetry(o.db, row, new Date(now.getTime() + delay), message, now);
    return "blocked";
  }

  /** One pass at a time: a tick asked for during another runs after it, so no row is sent twice. */
  function tick(): Promise<number> {
    const next = (current ?? Promise.resolve(0)).catch(() => 0).then(pass);
    current = next;
    return next;
  }

  async function pass(): Promise<number> {
    const lanes = new Map<string, OutboxRow[]>();
    for (const row of pendingRows(o.db)) {
      const lane = `${row.platform}\u0000${row.conversationId}`;
      const rows = lanes.get(lane) ?? [];
      rows.push(row);
      lanes.set(lane, rows);
    }
    let sent = 0;
    for (const [lane, rows] of lanes) {
      for (const row of rows) {
        if (stopping) return sent;
        const outcome = await deliver(row, lane);
        if (outcome === "sent") sent++;
        if (outcome === "blocked") break;
      }
    }
    return sent;
  }

  function loop(): void {
    if (stopping) return;
    void tick()
      .catch((err: unknown) => {
        o.log.error({ err }, "outbox pass failed");
        return 0;
      })
      .finally(() => {
        if (!stopping) timer = setTimeout(loop, o.intervalMs ?? 1000);
      });
  }

  return {
    tick,
    start() {
      stopping = false;
      loop();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => 0);
    },
  };
}
