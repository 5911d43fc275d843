import { afterEach, describe, expect, it } from "vitest";
import { backgroundJobs } from "../../src/app/jobs.js";
import { loadConfig } from "../../src/config.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";
import { analysts } from "./team-setup.js";
import { testPlatforms } from "../support/platforms.js";

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("the nudge job on the schedule", () => {
  it("is one of the background jobs, hourly, and enqueues nudges when run", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z", workspace: "console" });
    await analysts(t, "dana");
    await t.run("skills require analyst hunting 3");
    const job = backgroundJobs({ services: t.services, platforms: testPlatforms(t.services) }).find(
      (j) => j.name === "training-nudges",
    );
    expect(job && "cron" in job ? job.cron : undefined).toBe("7 * * * *");
    await job?.run(t.clock.now());
    expect((await t.storage.outbox.all()).map((r) => [r.op, r.conversationId, r.platform])).toEqual([
      ["dm", "dana", "console"],
    ]);
  });

  it("reads TRAINING_NUDGE_DAYS (default 7, at least 7) and reports a bad value", () => {
    expect(loadConfig({}).trainingNudgeDays).toBe(7);
    expect(loadConfig({ TRAINING_NUDGE_DAYS: "14" }).trainingNudgeDays).toBe(14);
    expect(() => loadConfig({ TRAINING_NUDGE_DAYS: "3" })).toThrow(
      /TRAINING_NUDGE_DAYS: a whole number of days from 7 to 365/,
    );
    expect(() => loadConfig({ TRAINING_NUDGE_DAYS: "weekly" })).toThrow(/TRAINING_NUDGE_DAYS/);
  });
});
