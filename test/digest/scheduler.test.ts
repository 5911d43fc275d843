import { afterEach, describe, expect, it, vi } from "vitest";
import { digestKey } from "../../src/digest/deliver.js";
import { digestJob } from "../../src/digest/schedule-jobs.js";
import { silentLogger } from "../../src/logger.js";
import { createCronScheduler } from "../../src/scheduler/cron.js";
import { guarded, type Scheduler } from "../../src/scheduler/scheduler.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { testPlatforms } from "../support/platforms.js";

let t: TestBot;
let scheduler: Scheduler;
afterEach(async () => {
  await scheduler?.stop();
  await t?.close();
  t = undefined as unknown as TestBot; // a test without a bot of its own must not close the last one again
});

describe("scheduler", () => {
  it("sends a digest at its scheduled time in its own timezone from the one every-minute job", async () => {
    t = await createTestBot({ now: "2026-03-20T08:00:00Z" });
    scheduler = createCronScheduler({ log: silentLogger(), clock: t.clock.now });
    scheduler.add(digestJob({ services: t.services, platforms: testPlatforms(t.services) }));
    await t.run("subscribe digest weekly monday 09:00 Europe/Berlin");
    expect(scheduler.names()).toEqual(["digests"]);

    t.clock.set("2026-03-23T07:59:00Z");
    await scheduler.runNow("digests");
    expect(await t.services.outbox.hasKey(digestKey(t.workspace, "console", "C1", "2026-W13"))).toBe(false);
    t.clock.set("2026-03-23T08:00:00Z");
    await scheduler.runNow("digests");
    expect(await t.services.outbox.hasKey(digestKey(t.workspace, "console", "C1", "2026-W13"))).toBe(true);
  });

  it("follows a changed subscription at the next minute, with no entry of its own to re-sync", async () => {
    t = await createTestBot({ now: "2026-03-20T08:00:00Z" });
    scheduler = createCronScheduler({ log: silentLogger(), clock: t.clock.now });
    scheduler.add(digestJob({ services: t.services, platforms: testPlatforms(t.services) }));
    await t.run("subscribe digest weekly monday 09:00 Europe/Berlin");
    await t.run("subscribe digest weekly friday 16:30 America/New_York");
    t.clock.set("2026-03-23T08:00:00Z");
    await scheduler.runNow("digests");
    expect(await t.services.outbox.hasKey(digestKey(t.workspace, "console", "C1", "2026-W13"))).toBe(false);
    t.clock.set("2026-03-27T20:30:00Z");
    await scheduler.runNow("digests");
    expect(await t.services.outbox.hasKey(digestKey(t.workspace, "console", "C1", "2026-W13"))).toBe(true);
  });
});

describe("interval jobs", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("fire at even gaps of their period, whatever it is (45 s, a day)", async () => {
    vi.useFakeTimers({ now: new Date("2026-03-23T00:00:10Z") });
    scheduler = createCronScheduler({ log: silentLogger(), clock: () => new Date() });
    const fired: Record<string, string[]> = { poll: [], daily: [] };
    const record = (name: string) => async () => void fired[name]?.push(new Date().toISOString());
    scheduler.add({ name: "poll", everySeconds: 45, run: record("poll") });
    scheduler.add({ name: "daily", everySeconds: 86_400, run: record("daily") });
    expect(scheduler.nextRun("poll")?.toISOString()).toBe("2026-03-23T00:00:55.000Z");

    await vi.advanceTimersByTimeAsync(2 * 86_400_000);
    const gaps = fired.poll!.slice(1).map((at, i) => Date.parse(at) - Date.parse(fired.poll![i]!));
    expect(fired.poll).toHaveLength(3840);
    expect(new Set(gaps)).toEqual(new Set([45_000]));
    expect(fired.daily).toEqual(["2026-03-24T00:00:10.000Z", "2026-03-25T00:00:10.000Z"]);
  });
});

describe("guarded jobs", () => {
  it("never throws out of a firing and skips a firing while the job still runs", async () => {
    let runs = 0;
    let release = () => {};
    const job = guarded(
      {
        name: "slow",
        run: async () => {
          runs += 1;
          await new Promise<void>((resolve) => (release = resolve));
          throw new Error("boom");
        },
      },
      silentLogger(),
      () => new Date(),
    );
    const first = job.fire();
    const second = job.fire();
    release();
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBeUndefined();
    expect(runs).toBe(1);
    const third = job.fire();
    release();
    await third;
    expect(runs).toBe(2);
  });
});
