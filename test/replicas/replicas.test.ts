/**
 * Three real bot processes on one PostgreSQL database, with the Slack and Graph fakes: they act as
 * one bot. Every incident gets exactly one thread root, the digest goes out once, any replica answers
 * with the same data and a Slack retry landing on another replica is ignored. Then the replica holding
 * the jobs lease is killed with SIGKILL while it is still posting: another replica takes the jobs over
 * within 60 seconds, resumes the sync from the stored cursor and finishes the posts, with at most one
 * duplicate.
 */
import { DateTime } from "luxon";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { FakeGraph } from "../fakes/graph-server.js";
import { deviceEvidence, graphAlert, graphIncident } from "../fakes/graph-data.js";
import { sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { startMain, type RunningMain } from "../support/run-main.js";
import { databaseEnv, newTestDatabase } from "../support/test-storage.js";

const SECRET = "replica-signing-secret";
const CHANNEL = "C0REPLICA";
const running: RunningMain[] = [];
let slack: FakeSlack | undefined;
let graph: FakeGraph | undefined;

afterAll(async () => {
  for (const bot of running) if (bot.child.exitCode === null && bot.child.signalCode === null) await bot.stop();
  await slack?.close();
  await graph?.close();
});

function addIncidents(fake: FakeGraph, from: number, count: number): void {
  const now = new Date();
  for (let n = from; n < from + count; n++) {
    const at = new Date(now.getTime() - (count - (n - from)) * 60_000).toISOString();
    const id = String(n);
    const alert = graphAlert(`a-${id}`, at, { evidence: [deviceEvidence("hp-decoy-01")] });
    fake.routes.incidents.set(id, graphIncident(id, at, at, { severity: "high" }, [alert]));
  }
}

async function command(bot: RunningMain, text: string, triggerId = slack!.trigger()): Promise<string> {
  const responseUrl = slack!.responseUrl();
  const body = slashCommandBody({
    text,
    userId: "UADMIN",
    userName: "ada",
    channelId: CHANNEL,
    responseUrl,
    triggerId,
  });
  const res = await sendSigned(`${bot.url}/slack/events`, body, "application/x-www-form-urlencoded", {
    secret: SECRET,
  });
  expect(res.status).toBe(200);
  await slack!.showAck(responseUrl, res);
  return responseUrl;
}

async function answer(responseUrl: string): Promise<string> {
  await slack!.waitFor(`an answer at ${responseUrl}`, () => slack!.postsTo(responseUrl).length > 0, 20_000);
  return JSON.stringify(slack!.postsTo(responseUrl));
}

/** Thread roots posted in the channel, by incident id. */
function roots(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of slack!.callsTo("chat.postMessage")) {
    if (call.args.channel !== CHANNEL || call.args.thread_ts) continue;
    const id = /Incident (\d+)/.exec(String(call.args.text))?.[1];
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function holdsJobs(bot: RunningMain): Promise<boolean> {
  const res = await fetch(`${bot.url}/readyz`).catch(() => undefined);
  if (!res) return false;
  const body = (await res.json()) as { checks?: Record<string, { detail?: string }> };
  return body.checks?.jobs?.detail === "this replica runs the scheduled jobs";
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`never happened within ${ms} ms: ${what}`);
}

describe("three replicas on one PostgreSQL database", () => {
  it("act as one bot, and survive losing the lease holder mid-dispatch", { timeout: 300_000 }, async () => {
    const db = newTestDatabase();
    slack = await FakeSlack.start();
    slack.state.users.set("UADMIN", { id: "UADMIN", name: "ada", displayName: "Ada" });
    slack.state.users.set("UDANA", { id: "UDANA", name: "dana", displayName: "dana" });
    slack.state.channels.set(CHANNEL, { member: true, archived: false });
    graph = await FakeGraph.start();
    addIncidents(graph, 6001, 20);
    const app = graph.entra.app;
    const env = {
      ...databaseEnv(db),
      SECOPS_PLATFORMS: "slack",
      SECOPS_ADMINS: "UADMIN",
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      AZURE_TENANT_ID: app.tenantId,
      AZURE_CLIENT_ID: app.clientId,
      AZURE_CLIENT_SECRET: app.clientSecret,
      AZURE_AUTHORITY_HOST: graph.url,
      GRAPH_BASE_URL: graph.url,
      GRAPH_POLL_SECONDS: "30",
    };

    const first = await startMain(env);
    running.push(first);
    await until("the first replica takes the jobs lease", () => holdsJobs(first), 30_000);
    const [second, third] = await Promise.all([startMain(env), startMain(env)]);
    running.push(second!, third!);
    await answer(await command(first, "asset honeypot hp-decoy-01"));
    await answer(await command(first, "subscribe incidents"));
    await slack.waitFor("the first thread roots", () => roots().size >= 2, 30_000);
    const digestAt = DateTime.utc().plus({ minutes: 2 }).startOf("minute");
    const subscribed = await answer(
      await command(
        second!,
        `subscribe digest weekly ${digestAt.toFormat("cccc").toLowerCase()} ${digestAt.toFormat("HH:mm")} UTC`,
      ),
    );
    expect(subscribed).toContain("Weekly digest");

    await answer(await command(third!, "assign S1-2 <@UDANA|dana> due 2027-06-30"));
    expect(await answer(await command(second!, "task S1-2"))).toContain("dana");
    const trigger = slack.trigger();
    const once = await command(first, "tasks mine", trigger);
    const again = await command(third!, "tasks mine", trigger);
    await answer(once);
    await new Promise((r) => setTimeout(r, 1500));
    expect(slack.postsTo(again)).toHaveLength(0);

    expect(await holdsJobs(second!)).toBe(false);
    expect(await holdsJobs(third!)).toBe(false);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const pendingIn = async () =>
      (
        await client.query<{ n: number }>(
          `select count(*)::int as n from "${db.schema}".outbox where status = 'pending' and next_attempt_at <= $1`,
          [new Date().toISOString()],
        )
      ).rows[0]?.n;
    expect(await pendingIn()).toBeGreaterThan(0);
    first.child.kill("SIGKILL");
    await first.exited;
    addIncidents(graph, 7001, 2);

    const survivors = [second!, third!];
    const movedIn = await until(
      "another replica takes the jobs lease",
      async () => (await Promise.all(survivors.map(holdsJobs))).some(Boolean),
      60_000,
    ).catch((err: unknown) => {
      throw new Error(`${String(err)}\n${survivors.map((s) => s.stderr().slice(-3000)).join("\n---\n")}`);
    });
    expect(movedIn).toBeLessThan(60_000);
    const expected = [...Array.from({ length: 20 }, (_, i) => String(6001 + i)), "7001", "7002"];
    await until("every incident has its thread root", () => expected.every((id) => roots().has(id)), 90_000);
    const counts = roots();
    const duplicates = [...counts.values()].reduce((n, c) => n + (c - 1), 0);
    expect(duplicates).toBeLessThanOrEqual(1);
    expect([...counts.keys()].sort()).toEqual(expected.sort());

    const digests = () =>
      slack!
        .callsTo("chat.postMessage")
        .filter((c) => c.args.channel === CHANNEL && /digest/i.test(String(c.args.text)));
    await until("the weekly digest goes out", () => digests().length > 0, 150_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(digests()).toHaveLength(1);

    await until("nothing is left to send", async () => (await pendingIn()) === 0, 60_000);
    await client.end();
  });
});
