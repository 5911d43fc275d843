import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import { createConsoleMessenger, runConsole } from "../../adapters/console/index.js";
import { CONSOLE_WORKSPACE } from "../../adapters/console/profile.js";
import { createBot, type Bot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import type { Reply } from "../../src/core/reply.js";
import type { Services } from "../../src/app/services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { trainingNudgeJob } from "../../src/training/nudge-job.js";
import { nudgeJobDeps } from "../../src/training/nudge-schedule.js";
import { testClock } from "../support/clock.js";
import { openTestStorage } from "../support/test-storage.js";
import { testPlatforms } from "../support/platforms.js";

let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

/** Types lines into the console as `user` and returns everything it printed. */
async function typeAs(bot: Bot, user: string, ...lines: string[]): Promise<string> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  const input = new PassThrough();
  input.end(lines.join("\n") + "\n");
  await runConsole({ bot, input, output, user, prompt: false });
  return chunks.join("");
}

describe("training nudge through the console", () => {
  it("is enqueued, delivered as a DM by the dispatcher, and its Done button records the completion", async () => {
    const clock = testClock("2026-12-01T10:00:00Z");
    storage = await openTestStorage();
    const services: Services = createServices({
      storage,
      plan: loadPlan(),
      log: silentLogger(),
      clock: clock.now,
      admins: ["lead"],
    });
    const bot = createBot(services, commands, actions);
    await typeAs(bot, "lead", "role @dana analyst", "role @eli analyst", "skills require analyst hunting 3");
    await typeAs(bot, "eli", "skills set hunting 3");

    await trainingNudgeJob(nudgeJobDeps(services, testPlatforms(services), 7), clock.now());
    const printed: string[] = [];
    const screen = new PassThrough();
    screen.on("data", (c: Buffer) => printed.push(c.toString("utf8")));
    const dispatcher = createDispatcher({
      storage: services,
      messengers: [createConsoleMessenger(screen, clock.now)],
      clock: clock.now,
      log: silentLogger(),
    });
    expect(await dispatcher.tick()).toBe(1);
    const dm = printed.join("");
    expect(dm).toContain("DM @dana");
    expect(dm).toContain("Training suggestion for this week");
    expect(dm).toContain("You rated yourself 0 in Threat hunting and the analyst role needs 3:");
    expect(dm).toContain("Advanced hunting in Microsoft Defender XDR");
    expect(dm).toContain(
      "Open <https://learn.microsoft.com/microsoft-365/security/defender/advanced-hunting-overview>  [1] Done  [2] Not now (14 days)  [3] Not relevant",
    );

    const [row] = await services.storage.outbox.all();
    expect(row?.status).toBe("sent");
    const reply = row?.reply as Reply;
    const done =
      reply.kind === "card"
        ? reply.card.blocks
            .flatMap((b) => (b.type === "actions" ? b.actions : []))
            .find((a) => a.kind === "button" && a.actionId === "training.done")
        : undefined;
    if (done?.kind !== "button") throw new Error("the nudge has no Done button");
    const conversation = {
      platform: "console" as const,
      workspace: CONSOLE_WORKSPACE,
      id: "dm:dana",
      kind: "personal" as const,
    };
    const capabilities = { ephemeral: false, forms: false, threads: true, updateInPlace: false, images: false };
    const text = (r: Reply) =>
      r.kind === "text" ? r.spans.map((x) => (typeof x === "string" ? x : "code" in x ? x.code : "")).join("") : "";
    const press = (user: string) =>
      bot.handle({
        kind: "action",
        actionId: done.actionId,
        value: done.value,
        actor: { platform: "console", userId: user, displayName: user, homeWorkspace: true },
        conversation,
        mentions: {},
        capabilities,
      });
    expect(text(await press("eli"))).toContain("That suggestion was for someone else");
    expect(text(await press("dana"))).toContain("Recorded: you completed Advanced hunting in Microsoft Defender XDR");

    const after = await typeAs(bot, "dana", "trained", "train");
    expect(after).toContain("• Advanced hunting in Microsoft Defender XDR\n    xdr-advanced-hunting");
    expect(after.split("Training suggestions")[1]).not.toContain("Advanced hunting in Microsoft Defender XDR");

    clock.set("2026-12-01T11:00:00Z");
    await trainingNudgeJob(nudgeJobDeps(services, testPlatforms(services), 7), clock.now());
    expect(await dispatcher.tick()).toBe(0);
  });
});
