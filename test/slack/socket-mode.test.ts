/** SLACK_APP_TOKEN switches the adapter to Socket Mode: it connects with the app-level token instead of serving /slack/events. */
import { afterEach, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import { createHttpApp, listen } from "../../adapters/http/server.js";
import { createSlackAdapter } from "../../adapters/slack/index.js";
import { createBot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { silentLogger } from "../../src/logger.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { openTestStorage } from "../support/test-storage.js";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe("Socket Mode", () => {
  it("opens the connection with the app-level token, not the bot token, and mounts no HTTP endpoint", async () => {
    const fake = await FakeSlack.start();
    cleanup.push(() => fake.close());
    const storage = await openTestStorage();
    cleanup.push(() => storage.close());
    const log = silentLogger();
    const services = createServices({ storage, plan: loadPlan(), log, clock: () => new Date(), admins: [] });
    const http = createHttpApp();
    const adapter = createSlackAdapter({
      bot: createBot(services, commands, actions),
      services,
      log,
      http,
      config: { botToken: fake.token, signingSecret: "unused", appToken: "xapp-1-refused", apiUrl: fake.apiUrl },
      clientOptions: { retryConfig: { retries: 0 } },
    });
    expect(adapter.mode).toBe("socket");
    await expect(adapter.start()).rejects.toThrow(/invalid_auth/);
    expect(fake.callsTo("auth.test")[0]?.authorization).toBe(`Bearer ${fake.token}`);
    expect(fake.callsTo("apps.connections.open")[0]?.authorization).toBe("Bearer xapp-1-refused");
    const server = await listen(http.app, 0, "127.0.0.1");
    cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as { port: number }).port;
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body: "x" })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
  });
});
