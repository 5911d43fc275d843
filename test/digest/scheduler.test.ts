import { afterEach, describe, expect, it } from "vitest";
import { nextOccurrence } from "../../src/domain/digest-schedule.js";
import { digestKey } from "../../src/digest/deliver.js";
import { digestSyncJob } from "../../src/digest/schedule-jobs.js";
import { silentLogger } from "../../src/logger.js";
import { createCronScheduler } from "../../src/scheduler/cron.js";
import { guarded, type Scheduler } from "../../src/scheduler/scheduler.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
let scheduler: Scheduler;
afterEach(async () => {
  await scheduler?.stop();
  await t?.close();
  t = undefined as unknown as TestBot; // a test without a bot of its own must not close the last one again
});

describe("scheduler", () => {
  it("runs one cron entry per digest subscription in its own timezone, kept in step with the subscriptions", async () => {
    t = await createTestBot({ now: "2026-03-23T08:00:00Z" });
    scheduler = createCronScheduler({ log: silentLogger(), clock: t.clock.now });
    const sync = digestSyncJob({ services: t.services, showsImages: () => false }, scheduler);
    scheduler.add(sync);
    await t.run("subscribe digest weekly monday 09:00 Europe/Berlin");
    await scheduler.runNow("digest-sync");
    expect(scheduler.names().sort()).toEqual(["digest-sync", `digest:${t.workspace}:console:C1`]);
    const berlin = { day: 1, hour: 9, minute: 0, timezone: "Europe/Berlin" };
    expect(scheduler.nextRun(`digest:${t.workspace}:console:C1`)?.toISOString()).toBe(
      nextOccurrence(berlin, new Date()).toISOString(),
    );

    await t.run("subscribe digest weekly friday 16:30 America/New_York");
    await scheduler.runNow("digest-sync");
    const newYork = { day: 5, hour: 16, minute: 30, timezone: "America/New_York" };
    expect(scheduler.nextRun(`digest:${t.workspace}:console:C1`)?.toISOString()).toBe(
      nextOccurrence(newYork, new Date()).toISOString(),
    );

    await t.run("unsubscribe digest");
    await scheduler.runNow("digest-sync");
    expect(scheduler.names()).toEqual(["digest-sync"]);
  });

  it("a subscription's own entry enqueues the digest when it fires at the scheduled time", async () => {
    t = await createTestBot({ now: "2026-03-20T08:00:00Z" });
    scheduler = createCronScheduler({ log: silentLogger(), clock: t.clock.now });
    await t.run("subscribe digest weekly monday 09:00 Europe/Berlin");
    scheduler.add(digestSyncJob({ services: t.services, showsImages: () => false }, scheduler));
    await scheduler.runNow("digest-sync");
    t.clock.set("2026-03-23T08:00:00Z");
    await scheduler.runNow(`digest:${t.workspace}:console:C1`);
    expect(await t.services.outbox.hasKey(digestKey(t.workspace, "console", "C1", "2026-W13"))).toBe(true);
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
