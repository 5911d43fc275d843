import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import { createSlackAdapter, SLACK_EVENTS_PATH, type SlackAdapter } from "../../adapters/slack/index.js";
import { createHttpApp, listen } from "../../adapters/http/server.js";
import { createBot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { trainingNudgeJob } from "../../src/training/nudge-job.js";
import { nudgeJobDeps } from "../../src/training/nudge-schedule.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { FAKE_TEAM } from "../fakes/slack-web-api-methods.js";
import { blockActionsBody, sendSigned } from "../fakes/slack-requests.js";
import { testClock } from "../support/clock.js";
import { openTestStorage } from "../support/test-storage.js";
import { testPlatforms } from "../support/platforms.js";

const SECRET = "training-e2e-secret";
let fake: FakeSlack | undefined;
let server: Server | undefined;
let adapter: SlackAdapter | undefined;
let storage: Storage | undefined;

afterEach(async () => {
  await adapter?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await fake?.close();
  await storage?.close();
});

type Button = { type: string; action_id: string; value?: string; text: unknown };

describe("training nudge through Slack", () => {
  it("is DMed through the real Web API client, and its Done button acts only for the person it was for", async () => {
    fake = await FakeSlack.start();
    fake.state.users.set("U0DANA", { id: "U0DANA", name: "dana", displayName: "Dana", email: "dana@example.com" });
    fake.state.users.set("U0ELI", { id: "U0ELI", name: "eli", displayName: "Eli" });
    const clock = testClock("2026-12-01T10:00:00Z");
    storage = await openTestStorage();
    const services = createServices({
      storage,
      plan: loadPlan(),
      log: silentLogger(),
      clock: clock.now,
      admins: [],
    });
    const workspace = `slack:${FAKE_TEAM.team_id}`;
    for (const [id, name] of [
      ["U0DANA", "Dana"],
      ["U0ELI", "Eli"],
    ] as const) {
      const p = await services.people.upsert(workspace, { platform: "slack", userId: id, displayName: name });
      await services.people.setRole(p.id, "analyst");
    }
    await services.skills.setRequirements(workspace, "analyst", new Map([["hunting", 3]]), 0, clock.now());
    await services.skills.setRatings(
      workspace,
      (await services.people.byPlatformId(workspace, "U0ELI"))!.id,
      new Map([["hunting", 4]]),
      clock.now(),
    );

    const http = createHttpApp();
    const bot = createBot(services, commands, actions);
    adapter = createSlackAdapter({
      bot,
      services,
      log: silentLogger(),
      http,
      config: { botToken: fake.token, signingSecret: SECRET, apiUrl: fake.apiUrl },
      clientOptions: { retryConfig: { retries: 0 } },
    });
    await adapter.start();
    server = await listen(http.app, 0, "127.0.0.1");
    const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`;

    await trainingNudgeJob(nudgeJobDeps(services, testPlatforms(services, adapter.messenger.profile), 7), clock.now());
    const dispatcher = createDispatcher({
      storage: services,
      messengers: [adapter.messenger],
      clock: clock.now,
      log: silentLogger(),
    });
    expect(await dispatcher.tick()).toBe(1);
    expect(fake.callsTo("conversations.open").map((c) => c.args.users)).toEqual(["U0DANA"]);
    const [post] = fake.callsTo("chat.postMessage");
    expect(post?.args.channel).toBe("D0DANA");
    expect(JSON.stringify(post?.args.blocks)).toContain(
      "You rated yourself 0 in Threat hunting and the analyst role needs 3:",
    );
    expect(fake.rejected).toEqual([]);
    const buttons = (post?.args.blocks as { type: string; elements?: Button[] }[])
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.type === "button" && e.value);
    const done = buttons.find((b) => b.action_id.startsWith("training.done") && b.value === "xdr-advanced-hunting");
    if (!done) throw new Error("no Done button for xdr-advanced-hunting");

    const click = async (userId: string, userName: string) => {
      const body = blockActionsBody({
        userId,
        userName,
        channelId: "D0DANA",
        messageTs: String(post?.args.ts ?? "1700000001.000100"),
        responseUrl: fake!.responseUrl(),
        triggerId: fake!.trigger(),
        button: done,
      });
      const res = await sendSigned(eventsUrl, body, "application/x-www-form-urlencoded", { secret: SECRET });
      expect(res.status).toBe(200);
      await adapter!.idle();
    };
    const completed = async (id: string) =>
      await services.training.completed(workspace, (await services.people.byPlatformId(workspace, id))!.id);

    await click("U0ELI", "eli");
    expect((await completed("U0ELI")).size).toBe(0);
    expect(JSON.stringify(fake.responses)).toContain("That suggestion was for someone else");
    await click("U0DANA", "dana");
    expect([...(await completed("U0DANA"))]).toEqual(["xdr-advanced-hunting"]);
  });
});
