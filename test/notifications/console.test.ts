import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import { createConsoleMessenger, runConsole } from "../../adapters/console/index.js";
import { createBot, type Bot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { createDispatcher, type Dispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { openTestStorage } from "../support/test-storage.js";
import { testClock, type TestClock } from "../support/clock.js";

let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

interface Team {
  bot: Bot;
  clock: TestClock;
  dispatcher: Dispatcher;
  /** Types lines as `user`; returns what the console printed. */
  type(user: string, ...lines: string[]): Promise<string>;
  /** Runs the dispatcher once; returns the direct messages it printed. */
  deliver(): Promise<string>;
}

/** A console team on Tuesday 1 Dec 2026, 10:00 UTC: "boss" is the admin, lee a lead, dana and eli analysts. */
async function team(): Promise<Team> {
  const clock = testClock("2026-12-01T10:00:00Z");
  storage = await openTestStorage();
  const services = createServices({
    storage,
    plan: loadPlan(),
    log: silentLogger(),
    clock: clock.now,
    admins: ["boss"],
  });
  const bot = createBot(services, commands, actions);
  const screen = new PassThrough();
  let printed: string[] = [];
  screen.on("data", (c: Buffer) => printed.push(c.toString("utf8")));
  const dispatcher = createDispatcher({
    storage: services,
    messengers: [createConsoleMessenger(screen, clock.now)],
    clock: clock.now,
    log: silentLogger(),
  });
  const type = async (user: string, ...lines: string[]) => {
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
    const input = new PassThrough();
    input.end(lines.join("\n") + "\n");
    await runConsole({ bot, input, output, user, prompt: false });
    return chunks.join("");
  };
  const deliver = async () => {
    printed = [];
    while ((await dispatcher.tick()) > 0);
    return printed.join("");
  };
  await type("boss", "role @lee lead", "role @dana analyst", "role @eli analyst");
  await deliver();
  return { bot, clock, dispatcher, type, deliver };
}

describe("task notices through the console", () => {
  it("tells the new owner with Start / Done / Snooze, and the previous owner that it moved", async () => {
    const t = await team();
    await t.type("boss", "assign S1-2 @dana due 2026-12-04");
    const first = await t.deliver();
    expect(first).toContain("DM @dana");
    expect(first).toContain("boss assigned you S1-2");
    expect(first).toContain("Due: Fri 4 Dec");
    expect(first).toContain("Assigned by: boss");
    expect(first).toContain("[1] Start  [2] Done  [3] Snooze a week");

    await t.type("lee", "assign S1-2 @eli");
    const second = await t.deliver();
    expect(second).toContain("DM @eli");
    expect(second).toContain("lee assigned you S1-2");
    expect(second).toMatch(/DM @dana\nS1-2 · .* moved from you to eli, by lee\./);
  });

  it("does not tell people who assign themselves", async () => {
    const t = await team();
    await t.type("lee", "assign S1-3 @lee");
    expect(await t.deliver()).toBe("");
  });

  it("tells the leads when work is blocked, with the reason, and the owner when someone else changes their task", async () => {
    const t = await team();
    await t.type("boss", "assign S2-1 @dana due 2026-12-10");
    await t.deliver();
    await t.type("dana", "block S2-1 waiting for E5 licences");
    const blocked = await t.deliver();
    expect(blocked).toMatch(/DM @lee\ndana blocked S2-1 · .* \(owner dana\): waiting for E5 licences/);
    expect(blocked).not.toContain("DM @boss");
    expect(blocked).not.toContain("DM @dana");

    await t.type("lee", "due S2-1 2026-12-18");
    expect(await t.deliver()).toMatch(/DM @dana\nlee moved S2-1 · .* to Fri 18 Dec\./);
    await t.type("lee", "done S2-1");
    expect(await t.deliver()).toMatch(/DM @dana\nlee completed S2-1/);
    await t.type("lee", "reopen S2-1");
    expect(await t.deliver()).toMatch(/DM @dana\nlee reopened S2-1/);
    await t.type("dana", "start S2-1");
    expect(await t.deliver()).toBe("");
  });

  it("tells the admins about a block when the workspace has no lead", async () => {
    const t = await team();
    await t.type("boss", "role @lee analyst", "assign S2-2 @dana");
    await t.deliver();
    await t.type("dana", "block S2-2 no budget");
    expect(await t.deliver()).toMatch(/DM @boss\ndana blocked S2-2 · .*: no budget/);
  });

  it("tells the area's leads about a block there, and the leads about a block in an area without any", async () => {
    const t = await team();
    expect(await t.type("dana", "arealead S2 @eli")).toContain(
      "Naming an area's leads needs a lead or an admin; your role is analyst.",
    );
    expect(await t.type("lee", "arealead S9 @eli")).toMatch(
      /"S9" is not an area; use INV, S1, [\s\S]*Usage: `arealead/,
    );
    expect(await t.type("lee", "arealead s2 @eli @boss @eli")).toContain(
      "S2: led by boss, eli; they are told when its work is blocked.",
    );
    const listed = await t.type("dana", "arealead");
    expect(listed).toContain("• S2 Stage 2\n    boss, eli\n");
    expect(listed).toContain("• S1 Stage 1\n    none named (the leads: lee)\n");

    await t.type("boss", "assign S2-1 @dana", "assign S1-3 @dana");
    await t.deliver();
    expect(await t.type("dana", "block S2-1 waiting for E5 licences")).toContain(
      "S2-1 blocked: waiting for E5 licences (S2's leads are told)",
    );
    const inArea = await t.deliver();
    expect(inArea).toMatch(/DM @eli\ndana blocked S2-1 · .*: waiting for E5 licences/);
    expect(inArea).toMatch(/DM @boss\ndana blocked S2-1/);
    expect(inArea).not.toContain("DM @lee");

    expect(await t.type("dana", "block S1-3 no test devices")).toContain("(the leads are told)");
    const elsewhere = await t.deliver();
    expect(elsewhere).toMatch(/DM @lee\ndana blocked S1-3 · .*: no test devices/);
    expect(elsewhere).not.toContain("DM @eli");

    expect(await t.type("lee", "arealead S2 clear")).toContain("S2: no area lead now; a block there tells the leads.");
    await t.type("dana", "start S2-1", "block S2-1 still no licences");
    const cleared = await t.deliver();
    expect(cleared).toMatch(/DM @lee\ndana blocked S2-1/);
    expect(cleared).not.toContain("DM @eli");
  });

  it("waits for the recipient's working hours", async () => {
    const t = await team();
    await t.type("eli", "me timezone asia/tokyo hours 09-18");
    await t.type("boss", "assign S1-4 @eli"); // 19:00 in Tokyo
    expect(await t.deliver()).toBe("");
    t.clock.set("2026-12-01T23:59:00Z");
    expect(await t.deliver()).toBe("");
    t.clock.set("2026-12-02T00:00:00Z"); // 09:00 in Tokyo
    expect(await t.deliver()).toContain("DM @eli\nboss assigned you S1-4");
  });

  it("obeys me notify: important keeps assignments and blocks, none silences all; training off silences nothing", async () => {
    const t = await team();
    expect(await t.type("dana", "me notify important")).toContain("Notices: important only");
    await t.type("boss", "assign S3-1 @dana", "due S3-1 2026-12-20", "assign S3-2 @dana", "assign S3-2 @eli");
    const important = await t.deliver();
    expect(important).toContain("boss assigned you S3-1");
    expect(important).toContain("boss assigned you S3-2");
    expect(important).not.toContain("to Sun 20 Dec");
    expect(important).not.toContain("moved from you");
    await t.type("boss", "block S3-1 vendor delay");
    expect(await t.deliver()).toMatch(/DM @dana\nboss blocked S3-1 · .*: vendor delay/);

    await t.type("dana", "me notify none");
    await t.type("boss", "assign S3-3 @dana", "reopen S3-1");
    expect(await t.deliver()).toBe("");

    await t.type("eli", "training off");
    await t.type("boss", "assign S3-4 @eli");
    expect(await t.deliver()).toContain("boss assigned you S3-4");
  });
});
