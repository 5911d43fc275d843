import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createServices } from "../../src/app/create-services.js";
import type { Services } from "../../src/app/services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { runDigestCatchUp } from "../../src/digest/deliver.js";
import { silentLogger } from "../../src/logger.js";
import { startBackground } from "../../src/app/background.js";
import type { Storage } from "../../src/storage/storage.js";
import { testClock, type TestClock } from "../support/clock.js";
import { durableTestDatabase, newTestDatabase, openTestStorage, type TestDatabase } from "../support/test-storage.js";
import { scriptedMessenger } from "../delivery/scripted-messenger.js";
import { testPlatforms } from "../support/platforms.js";

const dirs: string[] = [];
const open: Storage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Services over a database file (or memory), with one console channel subscribed to a Monday 09:00 Berlin digest. */
async function boot(database: TestDatabase, clock: TestClock, subscribeSince?: string): Promise<Services> {
  const storage = await openTestStorage(database);
  open.push(storage);
  const services = createServices({
    storage,
    plan: loadPlan(),
    log: silentLogger(),
    clock: clock.now,
    admins: [],
  });
  await services.tasks.seed("console", services.plan, clock.now());
  if (subscribeSince) {
    const settings = { day: 1, hour: 9, minute: 0, timezone: "Europe/Berlin", since: subscribeSince };
    await services.subscriptions.put(
      { workspace: "console", platform: "console", conversationId: "chan", kind: "digest", settings, createdBy: null },
      clock.now(),
    );
  }
  return services;
}

const digestKeys = async (s: Services) =>
  (await s.outbox.all()).map((r) => r.key).filter((key) => key.startsWith("digest:"));
const deps = (services: Services) => ({ services, platforms: testPlatforms(services) });

describe("digest catch-up after downtime", () => {
  it("sends the missed digest once when the bot starts later in the same week", async () => {
    const clock = testClock("2026-03-18T10:00:00Z"); // Wednesday; Monday 09:00 was missed
    const services = await boot(newTestDatabase(), clock, "2026-03-01T00:00:00Z");
    expect(await runDigestCatchUp(deps(services), clock.now())).toBe(1);
    clock.set("2026-03-19T10:00:00Z");
    expect(await runDigestCatchUp(deps(services), clock.now())).toBe(0);
    expect(await digestKeys(services)).toEqual(["digest:console:console:chan:2026-W12"]);
  });

  it("drops a missed digest whose week has ended, then sends the new week's on time", async () => {
    const clock = testClock("2026-03-23T07:30:00Z"); // Monday 08:30 in Berlin: last week's digest is history
    const services = await boot(newTestDatabase(), clock, "2026-03-01T00:00:00Z");
    expect(await runDigestCatchUp(deps(services), clock.now())).toBe(0);
    clock.set("2026-03-23T08:00:00Z");
    expect(await runDigestCatchUp(deps(services), clock.now())).toBe(1);
    expect(await digestKeys(services)).toEqual(["digest:console:console:chan:2026-W13"]);
  });

  it("does not send a digest for a week that began before the subscription", async () => {
    const clock = testClock("2026-03-18T10:00:00Z");
    const services = await boot(newTestDatabase(), clock, "2026-03-18T09:00:00Z");
    expect(await runDigestCatchUp(deps(services), clock.now())).toBe(0);
  });
});

describe("exactly once across restarts", () => {
  it("enqueues and sends one digest per week however often the bot restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "secops-digest-"));
    dirs.push(dir);
    const database = durableTestDatabase(join(dir, "bot.db"));
    const clock = testClock("2026-03-16T08:00:30Z");
    const messenger = scriptedMessenger("console");

    for (const [i, at] of ["2026-03-16T08:00:30Z", "2026-03-16T08:05:00Z", "2026-03-18T12:00:00Z"].entries()) {
      clock.set(at);
      const services = await boot(database, clock, i === 0 ? "2026-03-01T00:00:00Z" : undefined);
      const background = await startBackground({ services, messengers: [messenger] });
      await background.dispatcher.tick();
      await background.stop();
      await open.pop()?.close();
    }
    expect(messenger.calls.map((c) => `${c.op}:${c.conversationId}:${c.text}`)).toEqual([
      "post:chan:Weekly digest · 2026-W11",
    ]);

    clock.set("2026-03-23T08:00:00Z");
    const services = await boot(database, clock);
    const background = await startBackground({ services, messengers: [messenger] });
    await background.dispatcher.tick();
    await background.stop();
    // Each Monday digest is about the week before it; its delivery week keys it.
    expect(messenger.calls.map((c) => c.text)).toEqual(["Weekly digest · 2026-W11", "Weekly digest · 2026-W12"]);
    expect(await digestKeys(services)).toEqual([
      "digest:console:console:chan:2026-W12",
      "digest:console:console:chan:2026-W13",
    ]);
  });
});
