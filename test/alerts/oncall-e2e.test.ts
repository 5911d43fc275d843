/** Honeypot pings end to end: sync → outbox → dispatcher → the console's screen and the fake Bot Connector. */
import { testPlatforms } from "../support/platforms.js";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import { createConsoleMessenger, runConsole } from "../../adapters/console/index.js";
import { syncIncidents } from "../../src/alerts/sync.js";
import { createBot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { deviceEvidence, graphAlert, graphIncident } from "../fakes/graph-data.js";
import { testClock } from "../support/clock.js";
import { openTestStorage } from "../support/test-storage.js";
import { ADA, CHANNEL, DANA, EVE, channel } from "../teams/activities.js";
import { startTeamsHarness, type TeamsHarness } from "../teams/harness.js";
import { ScriptedSource } from "./harness.js";

let storage: Storage | undefined;
let teams: TeamsHarness | undefined;
afterEach(async () => {
  await storage?.close();
  await teams?.close();
  storage = undefined;
  teams = undefined;
});

const touched = (id: string, device: string) =>
  graphIncident(id, "2026-12-01T02:00:00Z", "2026-12-01T02:00:00Z", { displayName: "Lateral movement" }, [
    graphAlert(`${id}-a`, "2026-12-01T02:00:00Z", { evidence: [deviceEvidence(device)] }),
  ]);

describe("honeypot pings end to end", () => {
  it("console: the on-call person gets a direct message at 3 a.m. and the thread mentions them", async () => {
    const clock = testClock("2026-12-01T03:00:00Z");
    storage = await openTestStorage();
    const source = new ScriptedSource();
    const services = createServices({
      storage,
      plan: loadPlan(),
      log: silentLogger(),
      clock: clock.now,
      admins: ["boss"],
      alertFeed: { source, backfillDays: 7, pollSeconds: 120 },
    });
    const bot = createBot(services, commands, actions);
    const screen = new PassThrough();
    const printed: string[] = [];
    screen.on("data", (c: Buffer) => printed.push(c.toString("utf8")));
    const type = async (user: string, ...lines: string[]) => {
      const output = new PassThrough();
      const chunks: string[] = [];
      output.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
      const input = new PassThrough();
      input.end(lines.join("\n") + "\n");
      await runConsole({ bot, input, output, user, prompt: false });
      return chunks.join("");
    };
    await syncIncidents(services, clock.now(), testPlatforms(services));
    await type("boss", "role @lee lead", "role @dana analyst", "asset honeypot hp-db-01", "subscribe incidents");
    expect(await type("lee", "oncall @dana")).toContain("On call: dana. A honeypot touch pings them from now on.");
    expect(await type("dana", "oncall")).toContain("On call: dana. A honeypot touch pings them.");

    source.put(touched("71", "hp-db-01.corp.example"));
    clock.set("2026-12-01T03:05:00Z");
    await syncIncidents(services, clock.now(), testPlatforms(services));
    const dispatcher = createDispatcher({
      storage: services,
      messengers: [createConsoleMessenger(screen, clock.now)],
      clock: clock.now,
      log: silentLogger(),
    });
    while ((await dispatcher.tick()) > 0);
    await dispatcher.stop();
    const out = printed.join("");
    expect(out).toMatch(
      /DM @dana\n⚠ Honeypot touched: device hp-db-01 \(seen as hp-db-01\.corp\.example\), in incident 71 · Lateral movement/,
    );
    expect(out).toContain("@dana: please look now.");
    expect(out).not.toContain("DM @lee");
    expect(out).not.toContain("DM @boss");
  });

  it("Teams: the on-call person is mentioned in the incident's thread and messaged in their personal chat", async () => {
    const source = new ScriptedSource();
    teams = await startTeamsHarness({
      now: "2026-11-28T10:00:00Z",
      alertFeed: { source, backfillDays: 7, pollSeconds: 120 },
    });
    const h = teams;
    const sync = () => syncIncidents(h.services, h.clock.now(), testPlatforms(h.services, h.teams.messenger.profile));
    await sync();
    const say = (text: string, people: (typeof ADA)[] = []) =>
      h.post(channel(h.connector.serviceUrl, ADA, `<at>SecOps</at> ${text}`, people));
    await say("subscribe incidents");
    await say("asset honeypot hp-01");
    await say("role <at>Dana Lee</at> lead", [DANA]);
    await say("oncall <at>Eve Analyst</at>", [EVE]);

    source.put(touched("81", "hp-01"));
    h.clock.set("2026-11-28T10:05:00Z");
    await sync();
    const dispatcher = createDispatcher({
      storage: h.services,
      messengers: [h.teams.messenger],
      clock: h.clock.now,
      log: silentLogger(),
    });
    while ((await dispatcher.tick()) > 0) h.clock.advance(2_000);
    await dispatcher.stop();

    const sent = h.connector.callsOf("sendToConversation");
    const inThread = sent.filter((c) => String(c.conversationId).startsWith(`${CHANNEL};messageid=`));
    const ping = inThread.map((c) => JSON.stringify(c.body)).find((b) => b.includes("Honeypot touched"));
    expect(ping).toContain("<at>Eve Analyst</at>");
    expect([...(ping ?? "").matchAll(/"mentioned":\{"id":"([^"]+)"/g)].map((m) => m[1])).toEqual([EVE.aadObjectId]);
    const direct = sent.filter((c) => !String(c.conversationId).startsWith(CHANNEL));
    expect(direct).toHaveLength(1);
    expect(h.cardText(direct[0])).toMatch(/⚠ Honeypot touched\n?: device hp-01, in incident 81 · Lateral movement/);
    const opened = h.connector.callsOf("createConversation").map((c) => JSON.stringify(c.body));
    expect(opened.filter((b) => b.includes(String(EVE.aadObjectId)) || b.includes(EVE.id))).toHaveLength(1);
    expect(opened.some((b) => b.includes(String(DANA.aadObjectId)) || b.includes(DANA.id))).toBe(false);
  });
});
