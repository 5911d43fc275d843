/**
 * Slack OAuth installation end to end: two workspaces install the app through /slack/install →
 * slack.com (the fake grants a code) → /slack/oauth_redirect with Bolt's state cookie; each one's
 * commands and proactive posts then go out with its own bot token; uninstalling (app_uninstalled,
 * tokens_revoked) deletes that workspace's token and stops its feeds; tokens are stored encrypted.
 */
import { SLACK_PROFILE } from "../../adapters/slack/profile.js";
import { testPlatforms } from "../support/platforms.js";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import { createHttpApp, listen } from "../../adapters/http/server.js";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/index.js";
import { BOT_SCOPES } from "../../adapters/slack/oauth.js";
import { createBot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import { textReply } from "../../src/core/reply.js";
import type { Services } from "../../src/app/services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { enqueueDueDigest } from "../../src/digest/deliver.js";
import { silentLogger } from "../../src/logger.js";
import type { Engine } from "../../src/storage/engine/types.js";
import { createStorage, type Storage } from "../../src/storage/storage.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import type { FakeWorkspace } from "../fakes/slack-web-api-methods.js";
import { eventBody, sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { testClock, type TestClock } from "../support/clock.js";
import { openTestStorageWithEngine } from "../support/test-storage.js";

const SECRET = "oauth-signing-secret";
const OAUTH = {
  clientId: "1111.2222",
  clientSecret: "client-secret-of-the-app",
  stateSecret: "state-secret-0123456789",
};
const KEY = randomBytes(32);
/** Both workspaces have a channel with this id: Slack ids are only unique within a workspace. */
const SHARED_CHANNEL = "C0SHARED";

const ACME: FakeWorkspace = {
  team_id: "T0ACME",
  team: "Acme",
  bot_user_id: "U0ACMEBOT",
  bot_id: "B0ACME",
  email_domain: "acme.example",
};
const GLOBEX: FakeWorkspace = {
  team_id: "T0GLOBEX",
  team: "Globex",
  bot_user_id: "U0GLOBEXBOT",
  bot_id: "B0GLOBEX",
  email_domain: "globex.example",
};
const ADMIN = { [ACME.team_id]: "UACMEADA", [GLOBEX.team_id]: "UGLOBEXGIL" } as Record<string, string>;

let fake: FakeSlack;
let storage: Storage;
let engine: Engine;
let services: Services;
let adapter: SlackAdapter;
let server: Server;
let base: string;
let clock: TestClock;

beforeEach(async () => {
  fake = await FakeSlack.start();
  fake.enableOAuth({ ...OAUTH, appId: "A0SECOPS" });
  fake.state.channels.set(SHARED_CHANNEL, { member: true, archived: false });
  for (const [team, id] of Object.entries(ADMIN)) {
    fake.state.users.set(id, { id, name: id.toLowerCase(), displayName: `Admin of ${team}` });
  }
  ({ storage, engine } = await openTestStorageWithEngine({ encryptionKey: KEY }));
  clock = testClock("2026-11-28T10:00:00Z");
  const log = silentLogger();
  services = createServices({
    storage,
    plan: loadPlan(),
    log,
    clock: clock.now,
    admins: Object.entries(ADMIN).map(([team, user]) => `${team}/${user}`),
  });
  const http = createHttpApp();
  adapter = createSlackAdapter({
    bot: createBot(services, commands, actions),
    services,
    log,
    http,
    config: { botToken: "", signingSecret: SECRET, apiUrl: fake.apiUrl, oauth: OAUTH },
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await adapter.start();
  server = await listen(http.app, 0, "127.0.0.1");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await adapter.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fake.close();
  await storage.close();
});

/** What the browser of an admin installing the app in `workspace` does; returns the redirect's response. */
async function install(workspace: FakeWorkspace, o: { withCookie?: boolean } = {}): Promise<Response> {
  const landing = await fetch(`${base}/slack/install`);
  expect(landing.status).toBe(200);
  const cookie = (landing.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  expect(cookie).toMatch(/^slack-app-oauth-state=./);
  const href = /<a href="([^"]+)"/.exec(await landing.text())?.[1]?.replace(/&amp;/g, "&");
  const authorize = new URL(href ?? "");
  expect(authorize.origin + authorize.pathname).toBe("https://slack.com/oauth/v2/authorize");
  expect(authorize.searchParams.get("client_id")).toBe(OAUTH.clientId);
  const scopes = (authorize.searchParams.get("scope") ?? "").split(",");
  expect(scopes).toEqual([...BOT_SCOPES]);
  const code = fake.oauth?.grant(workspace, scopes) ?? "";
  const state = authorize.searchParams.get("state") ?? "";
  const redirect = `${base}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`;
  return fetch(redirect, { headers: o.withCookie === false ? {} : { cookie } });
}

/** Types `/secops <text>` in the shared channel of `workspace` as its admin; returns what came back. */
async function command(workspace: FakeWorkspace, text: string): Promise<string> {
  const responseUrl = fake.responseUrl();
  const body = slashCommandBody({
    text,
    userId: ADMIN[workspace.team_id] ?? "",
    userName: "admin",
    channelId: SHARED_CHANNEL,
    responseUrl,
    triggerId: fake.trigger(),
    teamId: workspace.team_id,
  });
  const res = await sendSigned(`${base}/slack/events`, body, "application/x-www-form-urlencoded", { secret: SECRET });
  expect(res.status).toBe(200);
  await fake.showAck(responseUrl, res);
  await new Promise((resolve) => setImmediate(resolve));
  await adapter.idle();
  return JSON.stringify(fake.postsTo(responseUrl));
}

async function event(workspace: FakeWorkspace, id: string, payload: Record<string, unknown>): Promise<void> {
  const res = await sendSigned(`${base}/slack/events`, eventBody(id, payload, workspace.team_id), "application/json", {
    secret: SECRET,
  });
  expect(res.status).toBe(200);
  await new Promise((resolve) => setImmediate(resolve));
  await adapter.idle();
}

/** The bot token the fake issued to a workspace. */
function tokenOf(workspace: FakeWorkspace): string | undefined {
  return [...fake.tokens].find(([, w]) => w.team_id === workspace.team_id)?.[0];
}

/** Enqueues every due digest (as the digest job does) and runs one dispatcher pass. */
async function sendDigests(): Promise<void> {
  clock.set("2026-11-30T10:00:00Z");
  for (const sub of await services.subscriptions.ofKind("digest")) {
    await enqueueDueDigest({ services, platforms: testPlatforms(services, SLACK_PROFILE) }, sub, clock.now());
  }
  const dispatcher = createDispatcher({
    storage,
    messengers: [adapter.messenger],
    clock: clock.now,
    log: silentLogger(),
  });
  await dispatcher.tick();
}

async function readiness(): Promise<string> {
  const body = (await (await fetch(`${base}/readyz`)).json()) as { checks: Record<string, { detail: string }> };
  return body.checks.slack?.detail ?? "";
}

describe("Slack OAuth installation", () => {
  it("installs two workspaces, and each one's commands and posts use its own token", async () => {
    expect(await readiness()).toContain("0 workspace(s) installed");
    for (const workspace of [ACME, GLOBEX]) {
      const done = await install(workspace);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain("SecOps bot installed");
    }
    const acmeToken = tokenOf(ACME);
    const globexToken = tokenOf(GLOBEX);
    expect(acmeToken).toBeDefined();
    expect(globexToken).toBeDefined();
    expect(await readiness()).toContain("2 workspace(s) installed");
    expect(await readiness()).not.toMatch(/Acme|Globex|T0ACME|T0GLOBEX/);

    expect(await command(ACME, "subscribe digest weekly monday 09:00 UTC")).toContain("digest");
    expect(await command(GLOBEX, "subscribe digest weekly monday 09:00 UTC")).toContain("digest");
    const lookups = fake.callsTo("users.info");
    expect(lookups.map((c) => [c.args.user, c.authorization])).toEqual([
      [ADMIN[ACME.team_id], `Bearer ${acmeToken}`],
      [ADMIN[GLOBEX.team_id], `Bearer ${globexToken}`],
    ]);
    // Same channel id, two workspaces: two subscriptions, neither replacing the other.
    const subs = await services.subscriptions.ofKind("digest");
    expect(subs.map((s) => [s.workspace, s.conversationId])).toEqual([
      [`slack:${ACME.team_id}`, SHARED_CHANNEL],
      [`slack:${GLOBEX.team_id}`, SHARED_CHANNEL],
    ]);

    await sendDigests();
    const posts = fake.callsTo("chat.postMessage");
    expect(posts.map((c) => [c.args.channel, c.team])).toEqual([
      [SHARED_CHANNEL, ACME.team_id],
      [SHARED_CHANNEL, GLOBEX.team_id],
    ]);
  });

  it("refuses a redirect that lacks the state cookie the install page set, and stores nothing", async () => {
    const res = await install(ACME, { withCookie: false });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Installation did not complete");
    expect(await storage.slackInstallations.count()).toBe(0);
    expect(fake.callsTo("oauth.v2.access")).toHaveLength(0);
  });

  it("app_uninstalled and tokens_revoked delete that workspace's token and stop its feeds, and only its", async () => {
    await install(ACME);
    await install(GLOBEX);
    await command(ACME, "subscribe digest weekly monday 09:00 UTC");
    await command(GLOBEX, "subscribe digest weekly monday 09:00 UTC");
    const pending = { workspace: `slack:${ACME.team_id}`, platform: "slack" as const, conversationId: SHARED_CHANNEL };
    await services.outbox.enqueue(
      { key: "waiting-for-acme", ...pending, op: "post", reply: textReply("queued before") },
      clock.now(),
    );

    fake.revoke(ACME.team_id);
    await event(ACME, "Ev0UNINSTALL", { type: "app_uninstalled" });
    expect(await storage.slackInstallations.forWorkspace(ACME.team_id)).toBeUndefined();
    expect(await storage.slackInstallations.count()).toBe(1);
    expect((await services.outbox.byKey("waiting-for-acme"))?.status).toBe("failed");
    const left = await services.subscriptions.ofKind("digest");
    expect(left.map((s) => s.workspace)).toEqual([`slack:${GLOBEX.team_id}`]);

    await sendDigests();
    expect(fake.callsTo("chat.postMessage").map((c) => c.team)).toEqual([GLOBEX.team_id]);
    // A command typed in the uninstalled workspace is not answered with anyone's token.
    const before = fake.calls.length;
    await command(ACME, "help");
    expect(fake.calls.slice(before).filter((c) => c.authorization)).toEqual([]);

    await event(GLOBEX, "Ev0REVOKED", { type: "tokens_revoked", tokens: { bot: [GLOBEX.bot_user_id] } });
    expect(await storage.slackInstallations.count()).toBe(0);
    expect(await services.subscriptions.ofKind("digest")).toEqual([]);
    expect(await readiness()).toContain("0 workspace(s) installed");
  });

  it("keeps tokens encrypted in the database: the raw row holds no token, and another key cannot open it", async () => {
    await install(ACME);
    const token = tokenOf(ACME) ?? "";
    expect(token).toMatch(/^xoxb-/);
    const rows = await engine.run((db) => db.select().from(engine.tables.slackInstallations));
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(token);
    expect(raw).not.toContain("xoxb-");
    expect(raw).not.toContain(token.slice(-12));
    expect(rows[0]?.sealed).toMatch(/^v1:/);
    expect(rows[0]?.teamId).toBe(ACME.team_id);

    const stranger = createStorage(engine, loadPlan(), { encryptionKey: randomBytes(32) });
    await expect(stranger.slackInstallations.forWorkspace(ACME.team_id)).rejects.toThrow();
    const found = await storage.slackInstallations.forWorkspace(ACME.team_id);
    expect((found?.installation.bot as { token?: string } | undefined)?.token).toBe(token);
  });
});
