/** When to try a failed delivery again: as the platform said (Retry-After), else exponential backoff with jitter. */

/** Retry settings; `random` is injectable so tests are deterministic. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Transient failures going on for longer than this (from the first one) are given up. */
  giveUpAfterMs: number;
  random: () => number;
}

/** 1 s doubling up to 5 min; give up after 24 h (an outage of an hour delays messages and loses none). */
export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 1000,
  maxMs: 5 * 60_000,
  giveUpAfterMs: 24 * 3_600_000,
  random: Math.random,
};

/** Milliseconds to wait before attempt `failures + 1`, where `failures` ≥ 1 counts failures so far. */
export function retryDelay(failures: number, retryAfterMs: number | undefined, policy: RetryPolicy): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0)
    return Math.min(retryAfterMs, policy.giveUpAfterMs);
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential * (0.5 + policy.random() * 0.5));
}
