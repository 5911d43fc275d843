import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { trainingNudgeJob, type NudgeJobDeps } from "../../src/training/nudge-job.js";
import { createTestBot, replyText, type TestBot } from "../support/test-bot.js";
import { analysts, person } from "./team-setup.js";

let t: TestBot;
afterEach(() => t.close());

// 2026-12-01 is a Tuesday.
const TUESDAY = "2026-12-01T10:00:00Z";

async function setup(nudgeDays = 7): Promise<NudgeJobDeps> {
  t = await createTestBot({ now: TUESDAY });
  await analysts(t, "dana", "eli");
  await t.run("skills require analyst hunting 3");
  await t.run("skills set hunting 4", "eli");
  return { ...t.services, nudgeDays, platformOf: () => Promise.resolve("console" as const) };
}

async function sent(): Promise<
  {
    key: string;
    op: string;
    conversationId: string;
    platform: string;
    text: string;
    buttons: string[];
  }[]
> {
  return (await t.storage.outbox.all()).map((row) => {
    const reply = row.reply as Reply;
    const buttons =
      reply.kind === "card"
        ? reply.card.blocks.flatMap((b) =>
            b.type === "actions"
              ? b.actions.flatMap((a) => (a.kind === "button" ? [`${a.actionId}:${a.value}`] : []))
              : [],
          )
        : [];
    return {
      key: row.key,
      op: row.op,
      conversationId: row.conversationId,
      platform: row.platform,
      text: replyText(reply),
      buttons,
    };
  });
}

async function runAt(deps: NudgeJobDeps, iso: string): Promise<void> {
  t.clock.set(iso);
  await trainingNudgeJob(deps, t.clock.now());
}

describe("weekly training nudge", () => {
  it("DMs the person with a gap the two modules that close it, why, and the three buttons", async () => {
    const deps = await setup();
    await trainingNudgeJob(deps, t.clock.now());
    const rows = await sent();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      op: "dm",
      conversationId: "dana",
      platform: "console",
      key: `training-nudge:test:${(await person(t, "dana")).id}:2026-W49`,
    });
    expect(row?.text).toContain("You rated yourself 0 in Threat hunting and the analyst role needs 3:");
    expect(row?.text).toContain("Advanced hunting in Microsoft Defender XDR (documentation, about 60 minutes)");
    expect(row?.text).toContain("Hunt for threats with Microsoft Sentinel (documentation, about 45 minutes)");
    expect(row?.buttons).toEqual([
      "training.done:xdr-advanced-hunting",
      "training.snooze:xdr-advanced-hunting",
      "training.dismiss:xdr-advanced-hunting",
      "training.done:sentinel-hunting-docs",
      "training.snooze:sentinel-hunting-docs",
      "training.dismiss:sentinel-hunting-docs",
    ]);
  });

  it("sends at most one nudge a week, and again once the week has passed", async () => {
    const deps = await setup();
    await runAt(deps, TUESDAY);
    await runAt(deps, "2026-12-01T15:00:00Z");
    await runAt(deps, "2026-12-04T10:00:00Z");
    expect(await sent()).toHaveLength(1);
    await runAt(deps, "2026-12-08T10:00:00Z");
    expect((await sent()).map((r) => r.key.split(":").pop())).toEqual(["2026-W49", "2026-W50"]);
  });

  it("honours a longer TRAINING_NUDGE_DAYS", async () => {
    const deps = await setup(14);
    await runAt(deps, TUESDAY);
    await runAt(deps, "2026-12-08T10:00:00Z");
    expect(await sent()).toHaveLength(1);
    await runAt(deps, "2026-12-15T10:00:00Z");
    expect(await sent()).toHaveLength(2);
  });

  it("waits for the person's working hours in their own timezone, on weekdays", async () => {
    const deps = await setup();
    await t.run("me timezone America/New_York hours 09-17", "dana");
    await runAt(deps, TUESDAY); // 05:00 in New York
    await runAt(deps, "2026-12-01T22:30:00Z"); // 17:30 in New York
    await runAt(deps, "2026-12-05T15:00:00Z"); // Saturday 10:00 in New York
    expect(await sent()).toHaveLength(0);
    await runAt(deps, "2026-12-07T14:00:00Z"); // Monday 09:00 in New York
    expect(await sent()).toHaveLength(1);
  });

  it("sends nothing to people who opted out, until they opt back in", async () => {
    const deps = await setup();
    await t.run("training off", "dana");
    await runAt(deps, TUESDAY);
    expect(await sent()).toHaveLength(0);
    await t.run("training on", "dana");
    await runAt(deps, "2026-12-01T11:00:00Z");
    expect(await sent()).toHaveLength(1);
  });

  it("never suggests a dismissed module again, and brings a snoozed one back after two weeks", async () => {
    const deps = await setup();
    await runAt(deps, TUESDAY);
    expect(t.text(await t.press("training.dismiss", "xdr-advanced-hunting", "dana"))).toContain("won't suggest");
    expect(t.text(await t.press("training.snooze", "sentinel-hunting-docs", "dana"))).toContain("before 2026-12-15");
    await runAt(deps, "2026-12-08T10:00:00Z");
    const second = (await sent())[1]?.buttons ?? [];
    expect(second).toEqual(expect.arrayContaining(["training.done:sentinel-hunting-module"]));
    expect(second.join()).not.toMatch(/xdr-advanced-hunting|sentinel-hunting-docs/);
    await runAt(deps, "2026-12-15T10:00:00Z");
    const third = (await sent())[2]?.buttons.join() ?? "";
    expect(third).toContain("sentinel-hunting-docs");
    expect(third).not.toContain("xdr-advanced-hunting");
  });

  it("stops once the gap is closed by re-rating", async () => {
    const deps = await setup();
    await t.run("skills set hunting 3", "dana");
    await runAt(deps, TUESDAY);
    expect(await sent()).toHaveLength(0);
  });

  it("skips a person whose platform is unknown and nudges them once it is known", async () => {
    const deps = await setup();
    await trainingNudgeJob({ ...deps, platformOf: () => Promise.resolve(undefined) }, t.clock.now());
    expect(await sent()).toHaveLength(0);
    await runAt(deps, "2026-12-01T11:00:00Z");
    expect(await sent()).toHaveLength(1);
  });
});
