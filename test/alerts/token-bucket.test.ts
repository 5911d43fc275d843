import { describe, expect, it } from "vitest";
import { BucketWaitTooLong, TokenBucket } from "../../src/alerts/token-bucket.js";

function fakeTimer() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

describe("the Graph request limiter", () => {
  it("never lets more than 150 requests into any 60-second window", async () => {
    const timer = fakeTimer();
    const bucket = new TokenBucket(150, timer);
    const times: number[] = [];
    for (let i = 0; i < 600; i++) {
      await bucket.take();
      times.push(timer.now());
    }
    const worst = Math.max(...times.map((t, i) => times.slice(i).filter((u) => u < t + 60_000).length));
    expect(worst).toBeLessThanOrEqual(150);
    expect(times.at(-1)).toBeLessThan(5 * 60_000);
  });

  it("honours a pause and refuses waits longer than the caller allows", async () => {
    const timer = fakeTimer();
    const bucket = new TokenBucket(150, timer);
    bucket.pauseFor(30_000);
    await expect(bucket.take(5_000)).rejects.toBeInstanceOf(BucketWaitTooLong);
    await bucket.take();
    expect(timer.now()).toBe(30_000);
  });
});
