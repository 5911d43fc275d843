/**
 * How long the production rate limiter alone would make a run of N Graph requests take: the real
 * TokenBucket (150 requests per minute) driven by a virtual clock, so the answer comes instantly.
 */
import { TokenBucket } from "../src/alerts/token-bucket.js";

/** Virtual milliseconds the default Graph limiter needs to hand out `requests` tokens. */
export async function rateLimitFloorMs(requests: number, perMinute = 150): Promise<number> {
  let now = 0;
  const bucket = new TokenBucket(perMinute, { now: () => now, sleep: async (ms) => void (now += ms) });
  for (let i = 0; i < requests; i++) await bucket.take();
  return now;
}
