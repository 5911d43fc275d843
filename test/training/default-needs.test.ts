import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ROLE_NEEDS } from "../../src/training/default-needs.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
afterEach(() => t.close());

describe("skills with no setup", () => {
  it("each role needs what the guidance's skills readiness names, so a low rating gets a hunting suggestion with the reason", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z", roleNeeds: DEFAULT_ROLE_NEEDS });
    await t.run("role @dana analyst");
    await t.run("role @lee lead");
    expect(t.text(await t.run("skills", "dana"))).toContain("Threat hunting (hunting): you 0 → your role needs 3");
    expect(t.text(await t.run("skills", "lee"))).toContain("Automation (automation): you 0 → your role needs 3");
    expect(t.text(await t.run("skills", "dana"))).toContain("Automation (automation): not rated");
    await t.run("skills set hunting 1 incident-response 3 endpoint 3 email 3 identity 3 cloud-apps 3 siem 3", "dana");
    const train = t.text(await t.run("train", "dana"));
    expect(train).toContain("You rated yourself 1 in Threat hunting and the analyst role needs 3");
    expect(train).toMatch(/hunting/i);
    await t.run("skills require analyst hunting 0", "lee");
    expect(t.text(await t.run("skills", "dana"))).toContain("Threat hunting (hunting): 1");
    expect((await t.services.skills.requirements(t.workspace, "analyst")).has("hunting")).toBe(false);
  });
});
