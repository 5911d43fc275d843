/** Replies stay short on a big plan: every console reply fits 40 lines, except task, incident, digest preview and train catalog. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyToConsole } from "../../adapters/console/render.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeAll(async () => {
  t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
  await t.run("role @dana analyst");
  await t.run("role @lee lead");
  const have = (await t.services.tasks.all(t.workspace)).length;
  const areas = ["S1", "S2", "S3", "S4", "INV", "RDY", "GOV"];
  for (let i = 0; i < 400 - have; i++)
    await t.services.tasks.addCustom(
      t.workspace,
      areas[i % areas.length] ?? "S2",
      "Team tasks",
      `Team task ${i}`,
      t.clock.now(),
    );
  await t.run("assign S2 @dana due 2026-12-20");
  await t.run("assign S1 @lee due 2026-12-02");
  await t.run("block S1-1 waiting for licences");
  t.clock.set("2026-12-05T10:00:00Z");
});
afterAll(() => t.close());

const lines = async (command: string, as = "admin") => replyToConsole(await t.run(command, as)).text.split("\n");

describe("a plan with 400 tasks", () => {
  it("has 400 tasks", async () => {
    expect(await t.services.tasks.all(t.workspace)).toHaveLength(400);
  });

  it.each([
    "help",
    "help assign",
    "help subscribe",
    "plan",
    "tasks",
    "tasks S2",
    "tasks mine",
    "tasks S2 open @dana",
    "tasks overdue",
    "tasks blocked",
    "tasks unassigned",
    "assign S3 @dana due 2026-12-24",
    "due S4 end of month",
    "assign S1-2 @dana",
    "due S1-2 friday",
    "start S1-3",
    "block S1-4 waiting for the network team",
    "done S1-5",
    "reopen S1-5",
    "unassign S1-6",
    "skills",
    "team skills",
    "roles",
    "me",
    "alerts 7d",
    "subscriptions",
    "assets",
    "train",
  ])("%s fits in 40 lines", async (command) => {
    const shown = await lines(command);
    expect(shown.length, shown.join("\n")).toBeLessThanOrEqual(40);
    expect(shown.join("\n")).not.toContain("Something went wrong");
  });

  it("tasks shows at most 25 task and area lines, then how to see more", async () => {
    const shown = await lines("tasks");
    const rows = shown.filter((l) => /^• |^\S+ .*\(\d+\)$/.test(l));
    expect(rows.length).toBeLessThanOrEqual(25);
    expect(shown.join("\n")).toMatch(/…and \d+ more — `tasks S2`, `tasks mine`, or the Next button/);
  });

  it("a bulk change says how many changed and lists them one line each, within the limit", async () => {
    const shown = await lines("assign GOV @lee due 2026-12-31");
    expect(shown[0]).toMatch(/^Assigned \d+ tasks to lee, due Thu 31 Dec$/);
    expect(shown.join("\n")).toMatch(/…and \d+ more/);
  });
});
