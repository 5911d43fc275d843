/**
 * The dispatcher: sends due outbox rows through the platform's Messenger, one at a time, in id order
 * per conversation, within each platform's per-conversation rate limit. Replies and updates wait for
 * their root and use its ids. Transient failures retry (Retry-After, else exponential backoff) and hold
 * back the rest of that conversation so order is kept; permanent ones fail the row.
 *
 * Several dispatchers (one per replica) share the outbox: a dispatcher sends a conversation's rows only
 * while it holds that conversation's lane lease, renewed on every pass, so order and the per-conversation
 * rate limit hold across replicas. A dispatcher that dies leaves its lanes to expire (LANE_LEASE_MS) and
 * another takes them over.
 *
 * Exactly-once, nearly: a row is sent, then marked sent. A crash between the two leaves that one row
 * pending and it is sent again by whoever takes the lane, so at most one message (the one in flight) repeats.
 */
import { randomUUID } from "node:crypto";
import type { PlatformName } from "../core/incoming.js";
import { DeliveryError, type Messenger } from "../core/messenger.js";
import type { Logger } from "../logger.js";
import type { ConversationKey } from "../storage/repositories/conversation-repository.js";
import type { OutboxRow } from "../storage/repositories/outbox-repository.js";
import type { Repositories } from "../storage/storage.js";
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from "./backoff.js";
import { ConversationLimiter } from "./rate-limiter.js";
import { sendRow } from "./send.js";

/** How long a dispatcher keeps a conversation's lane without renewing it. */
export const LANE_LEASE_MS = 30_000;

/** What the dispatcher works with. */
export interface DispatcherOptions {
  storage: Pick<Repositories, "outbox" | "coordination" | "conversations">;
  messengers: readonly Messenger[];
  clock: () => Date;
  log: Logger;
  /** This dispatcher's name in lane leases (default: random per process). */
  holder?: string;
  /** Pause between passes (default 1000 ms). */
  intervalMs?: number;
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
  const { outbox, coordination, conversations } = o.storage;
  const holder = o.holder ?? `dispatcher-${randomUUID()}`;
  const messengers = new Map(o.messengers.map((m) => [m.profile.platform, m]));
  const limiter = new ConversationLimiter(o.messengers.map((m) => m.profile));
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...o.retry };
  const missing = new Set<string>();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> | undefined;
  const held = new Map<string, ConversationKey>();

  async function deliver(row: OutboxRow, lane: string): Promise<Outcome> {
    const now = o.clock();
    if (Date.parse(row.nextAttemptAt) > now.getTime()) return row.attempts > 0 ? "blocked" : "next";
    let root: OutboxRow | undefined;
    if (row.rootKey) {
      root = await outbox.byKey(row.rootKey);
      if (!root || root.status === "failed") {
        await outbox.markFailed(row, root ? `root ${row.rootKey} failed` : `root ${row.rootKey} was never enqueued`);
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
      await outbox.markSent(row, ref, o.clock());
      return "sent";
    } catch (err) {
      return failed(row, err);
    }
  }

  /** Records a failed attempt; a gone conversation or a retry holds back the rest of the conversation. */
  async function failed(row: OutboxRow, err: unknown): Promise<Outcome> {
    const now = o.clock();
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof DeliveryError && err.permanent) {
      o.log.warn({ key: row.key, err: message }, "outbox message failed for good");
      await outbox.markFailed(row, message);
      if (err.conversationGone) {
        const lane = { workspace: row.workspace, platform: row.platform as PlatformName, id: row.conversationId };
        await conversations.markGone({ ...lane, kind: row.op === "dm" ? "personal" : "channel" }, now);
        await outbox.failPendingIn(lane, `conversation gone: ${message}`);
        return "blocked";
      }
      return "next";
    }
    if (row.firstFailedAt && now.getTime() - Date.parse(row.firstFailedAt) > retry.giveUpAfterMs) {
      o.log.error({ key: row.key, err: message }, "outbox message gave up after retrying too long");
      await outbox.markFailed(row, `gave up: ${message}`);
      return "next";
    }
    const delay = retryDelay(row.attempts + 1, err instanceof DeliveryError ? err.retryAfterMs : undefined, retry);
    o.log.info({ key: row.key, err: message, retryInMs: delay }, "outbox message will be retried");
    await outbox.markRetry(row, new Date(now.getTime() + delay), message, now);
    return "blocked";
  }

  /** One pass at a time: a tick asked for during another runs after it, so no row is sent twice. */
  function tick(): Promise<number> {
    const next = (current ?? Promise.resolve(0)).catch(() => 0).then(pass);
    current = next;
    return next;
  }

  async function sendLane(lane: ConversationKey): Promise<number> {
    const now = o.clock();
    const laneId = `${lane.workspace}\u0000${lane.platform}\u0000${lane.id}`;
    if (!(await coordination.claimLane(lane, holder, now, new Date(now.getTime() + LANE_LEASE_MS)))) return 0;
    held.set(laneId, lane);
    let sent = 0;
    for (const row of await outbox.pendingIn(lane)) {
      if (stopping) break;
      const outcome = await deliver(row, laneId);
      if (outcome === "sent") sent++;
      if (outcome === "blocked") break;
    }
    return sent;
  }

  async function pass(): Promise<number> {
    let sent = 0;
    for (const lane of await outbox.dueLanes(o.clock())) {
      if (stopping) break;
      sent += await sendLane(lane);
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
      for (const lane of held.values()) await coordination.releaseLane(lane, holder).catch(() => undefined);
      held.clear();
    },
  };
}
