/**
 * End-to-end harness: the real core on an in-memory database, the real Bolt app mounted on the shared
 * HTTP server, and the fake Slack Web API. Helpers send signed requests as named Slack users and wait
 * until the adapter has finished the work it started after the ack.
 */
import type { Server } from "node:http";
import { afterEach, beforeEach, expect } from "vitest";
import type { AddressInfo } from "node:net";
import { actions, commands } from "../../commands/index.js";
import { createHttpApp, listen } from "../../adapters/http/server.js";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/index.js";
import { createBot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import type { Services } from "../../src/app/services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { openTestStorage } from "../support/test-storage.js";
import { testClock } from "../support/clock.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import {
  blockActionsBody,
  eventBody,
  sendSigned,
  slashCommandBody,
  viewSubmissionBody,
  type SendOptions,
} from "../fakes/slack-requests.js";

/** The signing secret the app and the fake "Slack" share. */
export const SECRET = "test-signing-secret";
/** The channel commands are typed in. */
export const CHANNEL = "C0SECOPS";

/** Slack users the fake knows; UADMIN is listed in SECOPS_ADMINS. */
export const USERS = {
  admin: { id: "UADMIN", name: "ada", displayName: "Ada", email: "ada@example.com" },
  lead: { id: "ULEAD", name: "lee", displayName: "Lee", email: "lee@example.com" },
  dana: { id: "UDANA", name: "dana", displayName: "dana", email: "dana@example.com" },
  eve: {
    id: "UEVE",
    name: "eve",
    displayName: "<!channel> Eve & <https://evil.example|portal> <@UADMIN>",
    email: "eve@example.com",
  },
} as const;

/** Who sends a request. */
export type Who = keyof typeof USERS;

/** What a command request left behind. */
export interface Sent {
  status: number;
  responseUrl: string;
  triggerId: string;
}

/** The running harness. */
export interface Harness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  services: Services;
  storage: Storage;
  eventsUrl: string;
  /** Sends `/secops <text>` as `who`; resolves after the adapter finished answering. */
  command(
    text: string,
    who?: Who,
    o?: Partial<SendOptions> & { triggerId?: string; responseUrl?: string; channelId?: string },
  ): Promise<Sent>;
  /** Clicks a rendered button as `who` on a message (or the Home tab). */
  click(
    button: Record<string, unknown>,
    who?: Who,
    o?: { home?: boolean; ephemeral?: boolean; messageTs?: string },
  ): Promise<Sent>;
  /** Submits a modal the bot opened (a views.open `view` argument) with Slack's state values. */
  submit(view: Record<string, unknown>, values: Record<string, Record<string, unknown>>, who?: Who): Promise<number>;
  /** Delivers an Events API event. */
  event(eventId: string, event: Record<string, unknown>, retryNum?: number): Promise<number>;
  /** Waits for the adapter's work in flight. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** What a test may change about the harness. */
export interface HarnessOptions {
  admins?: string[];
  storage?: Storage;
  /** The adapter's ack budget (0: every command answers after an empty ack, through response_url). */
  ackAnswerBudgetMs?: number;
}

/** Starts fake Slack, the core and the Slack adapter on a free port. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeSlack.start();
  for (const u of Object.values(USERS)) fake.state.users.set(u.id, u);
  fake.state.channels.set(CHANNEL, { member: true, archived: false });
  const storage = options.storage ?? (await openTestStorage());
  const clock = testClock("2026-11-28T10:00:00Z");
  const log = silentLogger();
  const services = createServices({
    storage,
    plan: loadPlan(),
    log,
    clock: clock.now,
    admins: options.admins ?? ["UADMIN"],
  });
  const bot = createBot(services, commands, actions);
  const http = createHttpApp();
  const adapter = createSlackAdapter({
    bot,
    services,
    log,
    http,
    config: { botToken: fake.token, signingSecret: SECRET, apiUrl: fake.apiUrl },
    clientOptions: { retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 20 } },
    ...(options.ackAnswerBudgetMs !== undefined ? { ackAnswerBudgetMs: options.ackAnswerBudgetMs } : {}),
  });
  await adapter.start();
  const server: Server = await listen(http.app, 0, "127.0.0.1");
  const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  const settle = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    await adapter.idle();
  };
  const form = "application/x-www-form-urlencoded";
  return {
    fake,
    adapter,
    services,
    storage,
    eventsUrl,
    settle,
    async command(text, who = "admin", o = {}) {
      const user = USERS[who];
      const responseUrl = o.responseUrl ?? fake.responseUrl();
      const triggerId = o.triggerId ?? fake.trigger();
      const body = slashCommandBody({
        text,
        userId: user.id,
        userName: user.name,
        channelId: o.channelId ?? CHANNEL,
        responseUrl,
        triggerId,
      });
      const res = await sendSigned(eventsUrl, body, form, { secret: SECRET, ...o });
      await fake.showAck(responseUrl, res);
      await settle();
      return { status: res.status, responseUrl, triggerId };
    },
    async click(button, who = "admin", o = {}) {
      const user = USERS[who];
      const responseUrl = fake.responseUrl();
      const triggerId = fake.trigger();
      const body = blockActionsBody({
        userId: user.id,
        userName: user.name,
        channelId: CHANNEL,
        triggerId,
        button,
        ...(o.home ? { home: true } : { responseUrl }),
        ...o,
      });
      const res = await sendSigned(eventsUrl, body, form, { secret: SECRET });
      await settle();
      return { status: res.status, responseUrl, triggerId };
    },
    async submit(view, values, who = "admin") {
      const user = USERS[who];
      const body = viewSubmissionBody({
        userId: user.id,
        userName: user.name,
        triggerId: fake.trigger(),
        view,
        values,
      });
      const res = await sendSigned(eventsUrl, body, form, { secret: SECRET });
      await settle();
      return res.status;
    },
    async event(eventId, event, retryNum) {
      const res = await sendSigned(eventsUrl, eventBody(eventId, event), "application/json", {
        secret: SECRET,
        ...(retryNum ? { retryNum } : {}),
      });
      await settle();
      return res.status;
    },
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
      await storage.close();
    },
  };
}

/** Starts a fresh harness before each test and, after it, checks the fake Slack refused nothing and closes it. */
export function useHarness(set: (h: Harness) => void, options: HarnessOptions = {}): void {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(options);
    set(current);
  });
  afterEach(async () => {
    expect(current?.fake.rejected).toEqual([]);
    await current?.close();
  });
}
