/**
 * A token bucket keeping Graph calls under the security API's limit (150 requests per minute per app
 * per tenant): a burst of a fifth of the limit, refilled at the rest spread over the minute, so no
 * 60-second window ever holds more than the limit. Retries are charged too, and a Retry-After longer
 * than the client waits pauses the bucket, so the next call honours it.
 */

/** Clock and sleep, injectable so tests run instantly. */
export interface BucketTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTimer: BucketTimer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Thrown by `take` when the wait would be longer than the caller can afford. */
export class BucketWaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`rate limit: next request possible in ${Math.ceil(waitMs / 1000)} s`);
    this.name = "BucketWaitTooLong";
  }
}

/** The limiter shared by every Graph call of one source. */
export class TokenBucket {
  private readonly capacity: number;
  private readonly perMs: number;
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;

  constructor(
    perMinute: number,
    private readonly timer: BucketTimer = realTimer,
  ) {
    this.capacity = Math.max(1, Math.floor(perMinute / 5));
    this.perMs = (perMinute - this.capacity) / 60_000;
    this.tokens = this.capacity;
    this.updatedAt = timer.now();
  }

  private refill(): void {
    const now = this.timer.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
  }

  /** Milliseconds until a token is free (0 when one is free now). */
  waitMs(): number {
    this.refill();
    const pause = Math.max(0, this.pausedUntil - this.timer.now());
    return Math.max(pause, this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs));
  }

  /** Waits for a token and takes it; refuses (BucketWaitTooLong) when that would take more than `maxWaitMs`. */
  async take(maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    for (let wait = this.waitMs(); wait > 0; wait = this.waitMs()) {
      if (wait > maxWaitMs) throw new BucketWaitTooLong(wait);
      await this.timer.sleep(wait);
    }
    this.tokens -= 1;
  }

  /** Takes a token without waiting (a retry the HTTP client is about to send); may go into debt. */
  charge(): void {
    this.refill();
    this.tokens -= 1;
  }

  /** No call before `ms` from now (the server's Retry-After). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.timer.now() + ms);
  }
}
