/** The first backfill's progress in /readyz: pages and items read, and the time left once Graph said how many match. */
import { describe, expect, it } from "vitest";
import { describeBackfill, secondsLeft } from "../../src/alerts/sync.js";

const NOW = 1_800_000_000_000;

describe("backfill progress", () => {
  it("estimates the time left from the pace so far and the total Graph counted", () => {
    const progress = { stream: "incidents" as const, pages: 3, items: 600, startedAt: NOW - 10_000, expected: 2400 };
    expect(secondsLeft(progress, NOW)).toBe(30);
    expect(describeBackfill(progress, NOW)).toBe(
      "first incident sync (incidents): 3 pages, 600 items read of 2400, about 30 s left",
    );
  });

  it("says only what was read when the source gave no total, or nothing was read yet", () => {
    const progress = { stream: "alerts" as const, pages: 2, items: 400, startedAt: NOW - 5_000 };
    expect(describeBackfill(progress, NOW)).toBe("first incident sync (alerts): 2 pages, 400 items read");
    expect(secondsLeft({ ...progress, items: 0, expected: 50 }, NOW)).toBeUndefined();
  });
});
