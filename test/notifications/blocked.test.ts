import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
afterEach(() => t.close());

describe("blocked work is visible", () => {
  it("tasks blocked, plan and the digest show task, owner, reason and days blocked, the digest above overdue", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.run("role @dana analyst");
    await t.run("assign S2-1 @dana due 2026-12-02");
    await t.run("assign S1-1 @dana due 2026-12-02");
    await t.run("block S2-1 waiting for E5 licences", "dana");
    t.clock.set("2026-12-04T10:00:00Z");

    const listed = t.text(await t.run("tasks blocked"));
    expect(listed).toContain("S2-1");
    expect(listed).toContain("dana");
    expect(listed).toContain("blocked 3 days: waiting for E5 licences");
    expect(listed).not.toContain("S1-1");

    const plan = t.text(await t.run("plan"));
    expect(plan).toMatch(/Blocked \(1\)\nS2-1 .*\| dana · blocked 3 days · waiting for E5 licences/);

    const digest = t.text(await t.run("digest preview"));
    expect(digest).toMatch(/Blocked \(1\)\nS2-1 .*\| dana · blocked 3 days · waiting for E5 licences/);
    expect(digest.indexOf("Blocked (1)")).toBeLessThan(digest.indexOf("Overdue ("));
  });

  it("a block needs a reason; nothing changes without one", async () => {
    t = await createTestBot();
    const reply = t.text(await t.run("block S2-1"));
    expect(reply).toContain("Say what blocks S2-1");
    expect(reply).toContain("block <task> <reason>");
    expect((await t.services.tasks.get(t.workspace, "S2-1"))?.status).toBe("open");
  });
});
