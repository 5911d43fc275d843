/** CONSOLE_USER=dana acts as dana with her stored role; only the default console user is an admin. */
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import { runConsole } from "../../adapters/console/index.js";
import { startupAdmins } from "../../src/core/admins.js";
import { createBot, type Bot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { openTestStorage } from "../support/test-storage.js";
import { testClock } from "../support/clock.js";

let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

async function type(bot: Bot, user: string, ...lines: string[]): Promise<string> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  const input = new PassThrough();
  input.end(lines.join("\n") + "\n");
  await runConsole({ bot, input, output, user, prompt: false });
  return chunks.join("");
}

describe("the console user", () => {
  it("CONSOLE_USER=dana is dana with her stored role, never an admin", async () => {
    storage = await openTestStorage();
    const services = createServices({
      storage,
      plan: loadPlan(),
      log: silentLogger(),
      clock: testClock("2026-12-01T10:00:00Z").now,
      admins: startupAdmins([], true),
    });
    const bot = createBot(services, commands, actions);
    await type(bot, "console", "role @dana analyst", "assign S1-2 @dana");
    const asDana = await type(bot, "dana", "me", "assign S1-3 @dana", "start S1-2", "role @dana admin");
    expect(asDana).toContain("Role: analyst");
    expect(asDana).toContain("`assign` needs a lead or an admin; your role is analyst.");
    expect(asDana).toContain("S1-2 started");
    expect(asDana).toContain("`role` needs a lead or an admin; your role is analyst.");
    expect((await services.people.byPlatformId("console", "dana"))?.role).toBe("analyst");
    expect(await type(bot, "Dana", "me")).toContain("Role: analyst");

    const own = await type(bot, "console", "role @console analyst");
    expect(own).toContain("the console's built-in admin");
    expect(own).not.toContain("SECOPS_ADMINS");
  });

  it("only the default console user and SECOPS_ADMINS are admins from the start", () => {
    expect(startupAdmins(["U1"], true)).toEqual(["U1", "console"]);
    expect(startupAdmins(["U1"], false)).toEqual(["U1"]);
  });
});
