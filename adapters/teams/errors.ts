/**
 * Bot Connector failures → DeliveryError, and the short in-turn retry. The connector answers
 * 429 (with Retry-After) when throttled and 412/502/504/5xx when busy: those are retryable.
 * 403 means the bot was removed or blocked (the conversation is gone for good), 413 means the
 * message was too large; neither is worth retrying.
 */
import pRetry from "p-retry";
import { DeliveryError } from "../../src/core/messenger.js";

/** Error codes Teams uses when the bot can no longer post in a conversation. */
const GONE_CODES = new Set([
  "BotNotInConversationRoster",
  "ConversationBlockedByUser",
  "ConversationNotFound",
  "BotRemovedFromConversation",
]);
const RETRYABLE_NETWORK = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "REQUEST_SEND_ERROR",
]);

interface ConnectorFailure {
  statusCode?: number;
  code?: string;
  response?: { status?: number; headers?: { get(name: string): string | undefined } };
}

function asFailure(err: unknown): ConnectorFailure {
  return typeof err === "object" && err !== null ? (err as ConnectorFailure) : {};
}

/** The HTTP status the connector answered with, if it answered at all. */
export function connectorStatus(err: unknown): number | undefined {
  const f = asFailure(err);
  const status = f.statusCode ?? f.response?.status;
  return typeof status === "number" ? status : undefined;
}

/** Retry-After in milliseconds (seconds or an HTTP date), when the connector sent one. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const header = asFailure(err).response?.headers?.get("retry-after")?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Classifies any failure of a connector call; network failures are retryable, other errors without a status are not. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const status = connectorStatus(err);
  const code = asFailure(err).code ?? "";
  const detail = `${status ?? "no response"}${code ? ` ${code}` : ""}`;
  if (status === undefined) {
    const name = err instanceof Error ? err.name : "";
    const network = RETRYABLE_NETWORK.has(code) || name === "RestError" || name === "AbortError";
    return network
      ? new DeliveryError(`Teams connector unreachable (${detail})`, false)
      : new DeliveryError(
          `Teams message could not be sent: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`,
          true,
        );
  }
  if (status === 429) return new DeliveryError(`Teams throttled the bot (${detail})`, false, retryAfterMs(err) ?? 1000);
  if (status === 412 || status === 408 || status >= 500)
    return new DeliveryError(`Teams connector busy (${detail})`, false, retryAfterMs(err));
  if (status === 413) return new DeliveryError(`Teams refused the message as too large (${detail})`, true);
  if (status === 403) {
    const gone = !code || GONE_CODES.has(code);
    return new DeliveryError(
      gone ? `The bot is no longer in this conversation (${detail})` : `Teams refused the message (${detail})`,
      true,
      undefined,
      gone,
    );
  }
  if (status === 404 && code === "ConversationNotFound")
    return new DeliveryError(`The conversation no longer exists (${detail})`, true, undefined, true);
  return new DeliveryError(`Teams refused the message (${detail})`, true);
}

/** How a turn retries a reply: a couple of quick tries, never waiting long (Teams gives a turn ~15 s). */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxWaitMs: number;
}

/** The in-turn default: 3 tries, 250 ms then 500 ms, or Retry-After when it is at most 3 s. */
export const TURN_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxWaitMs: 3000 };

/** Runs `send`, retrying retryable failures within the policy (Retry-After when Teams gives one); throws a DeliveryError otherwise. */
export async function withRetry<T>(send: () => Promise<T>, policy: RetryPolicy = TURN_RETRY): Promise<T> {
  const waitAfter = (failure: DeliveryError, attempt: number) =>
    failure.retryAfterMs ?? policy.baseDelayMs * 2 ** (attempt - 1);
  return pRetry(
    async () => {
      try {
        return await send();
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
    {
      retries: policy.attempts - 1,
      minTimeout: 0,
      randomize: false,
      shouldRetry: ({ error, attemptNumber }) =>
        error instanceof DeliveryError && !error.permanent && waitAfter(error, attemptNumber) <= policy.maxWaitMs,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        if (!(error instanceof DeliveryError) || error.permanent || retriesLeft === 0) return;
        const wait = waitAfter(error, attemptNumber);
        if (wait <= policy.maxWaitMs) await new Promise((resolve) => setTimeout(resolve, wait));
      },
    },
  );
}
