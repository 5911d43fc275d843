import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, PLAIN, who, type TestBot } from "../support/test-bot.js";
import { analysts, person } from "./team-setup.js";

let t: TestBot;
afterEach(() => t.close());

async function setup(): Promise<void> {
  t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
  await analysts(t, "dana", "eli");
}

describe("skills", () => {
  it("saves several self-ratings at once and shows them against the role's needs", async () => {
    await setup();
    await t.run("skills require analyst hunting 3 identity 2", "admin");
    const saved = await t.run("skills set hunting 2 identity 4", "dana");
    expect(t.text(saved)).toContain("Saved your self-rating: hunting 2, identity 4");
    const shown = t.text(await t.run("skills", "dana"));
    expect(shown).toContain("Threat hunting (hunting): you 2 → your role needs 3");
    expect(shown).toContain("Identity (identity): 4 · needs 2 ✓");
    expect(shown).toContain("You rated yourself 2 in Threat hunting and the analyst role needs 3");
  });

  it("refuses an unknown skill area, listing the valid ones, and saves nothing", async () => {
    await setup();
    const reply = t.text(await t.run("skills set hunting 2 forensics 3", "dana"));
    expect(reply).toContain(
      '"forensics" is not a skill area; use one of: incident-response, endpoint, email, identity, cloud-apps, cloud, iot, siem, hunting, intel, automation.',
    );
    expect(reply).toContain("Usage: skills [@person]");
    expect((await t.services.skills.ratings(t.workspace, (await person(t, "dana")).id)).size).toBe(0);
  });

  it("refuses a level outside 0–5 and saves nothing", async () => {
    await setup();
    for (const bad of ["hunting 6", "hunting -1", "hunting 2.5", "hunting", "hunting 2 identity 9"]) {
      const reply = t.text(await t.run(`skills set ${bad}`, "dana"));
      expect(reply).toMatch(/is not a level; use a whole number from 0 to 5|Missing the level for hunting/);
    }
    expect((await t.services.skills.ratings(t.workspace, (await person(t, "dana")).id)).size).toBe(0);
  });

  it("lets only leads and admins set what a role needs, and only for team roles", async () => {
    await setup();
    expect(t.text(await t.run("skills require analyst hunting 3", "dana"))).toContain("for a lead or an admin");
    expect(t.text(await t.run("skills require intern hunting 3", "admin"))).toContain(
      '"intern" is not a team role; use analyst, lead, admin.',
    );
    expect((await t.services.skills.requirements(t.workspace, "analyst")).size).toBe(0);
    await t.run("skills require analyst hunting 3", "admin");
    expect((await t.services.skills.requirements(t.workspace, "analyst")).get("hunting")).toBe(3);
    await t.run("skills require analyst hunting 0", "admin");
    expect((await t.services.skills.requirements(t.workspace, "analyst")).size).toBe(0);
  });

  it("shows another person's skills to a lead only, and refuses an unknown person", async () => {
    await setup();
    await t.run("skills set iot 4", "eli");
    expect(t.text(await t.run("skills @eli", "admin"))).toContain("IoT and OT (iot): 4");
    expect(t.text(await t.run("skills @eli", "dana"))).toContain("Only a lead or an admin");
    expect(t.text(await t.run("skills @visitor", "admin"))).toContain("visitor is not on the team (role none)");
    const conversation = { platform: "console" as const, workspace: t.workspace, id: "C1", kind: "channel" as const };
    const unknown = await t.bot.handle({
      kind: "command",
      text: "skills @ghost",
      actor: who("admin"),
      conversation,
      mentions: {},
      capabilities: PLAIN,
    });
    expect(t.text(unknown)).toContain("I don't know @ghost");
    expect(await t.services.people.byName(t.workspace, "ghost")).toEqual([]);
  });
});

describe("trained, train and training", () => {
  it("records a completion once and refuses an unknown module, suggesting the closest three", async () => {
    await setup();
    expect(t.text(await t.run("trained mdi-docs", "dana"))).toContain(
      "Recorded: you completed Microsoft Defender for Identity documentation",
    );
    expect(t.text(await t.run("trained MDI-DOCS", "dana"))).toContain("already completed");
    const bad = t.text(await t.run("trained kql-101", "dana"));
    expect(bad).toContain('"kql-101" is not a training module; the closest: ');
    expect(bad.split("\n")[0]?.match(/\(/g)).toHaveLength(3);
    expect([...(await t.services.training.completed(t.workspace, (await person(t, "dana")).id))]).toEqual(["mdi-docs"]);
    expect(t.text(await t.run("trained", "dana"))).toContain(
      "Microsoft Defender for Identity documentation | mdi-docs",
    );
  });

  it("suggests training for the largest gap with Done, Not now and Not relevant buttons", async () => {
    await setup();
    await t.run("skills require analyst hunting 3", "admin");
    const reply = await t.run("train", "dana");
    const text = t.text(reply);
    expect(text).toContain("You rated yourself 0 in Threat hunting and the analyst role needs 3:");
    expect(text).toContain("Advanced hunting in Microsoft Defender XDR (documentation, about 60 minutes)");
    expect(text).toContain("[Open] [Done] [Not now (14 days)] [Not relevant]");
  });

  it("says there is nothing to close when there are no gaps", async () => {
    await setup();
    expect(t.text(await t.run("train", "dana"))).toContain("No gaps to close right now");
  });

  it("lists the catalog, filtered by a skill area", async () => {
    await setup();
    const iot = t.text(await t.run("train catalog iot", "dana"));
    expect(iot).toContain("mdiot-intro: Introduction to Microsoft Defender for IoT");
    expect(iot).not.toContain("mdi-docs");
    expect(t.text(await t.run("train catalog forensics", "dana"))).toContain('"forensics" is not a skill area');
  });

  it("turns nudges off and on", async () => {
    await setup();
    expect(t.text(await t.run("training off", "dana"))).toContain("Weekly training nudges are off");
    expect((await person(t, "dana")).trainingOptOut).toBe(true);
    expect(t.text(await t.run("training", "dana"))).toContain("are off for you");
    expect(t.text(await t.run("training maybe", "dana"))).toContain('"maybe" is not on or off.');
    expect((await person(t, "dana")).trainingOptOut).toBe(true);
    await t.run("training on", "dana");
    expect((await person(t, "dana")).trainingOptOut).toBe(false);
  });
});

describe("suggestion buttons", () => {
  it("act for the person the module was suggested to, never for someone else", async () => {
    await setup();
    await t.run("skills require analyst hunting 3", "admin");
    await t.run("train", "dana");
    const stolen = t.text(await t.press("training.done", "xdr-advanced-hunting", "eli"));
    expect(stolen).toContain("That suggestion was for someone else");
    expect((await t.services.training.completed(t.workspace, (await person(t, "eli")).id)).size).toBe(0);
    expect(t.text(await t.press("training.done", "xdr-advanced-hunting", "dana"))).toContain(
      "Recorded: you completed Advanced hunting",
    );
    expect([...(await t.services.training.completed(t.workspace, (await person(t, "dana")).id))]).toEqual([
      "xdr-advanced-hunting",
    ]);
  });

  it("Not now hides a module for two weeks and Not relevant for good", async () => {
    await setup();
    await t.run("skills require analyst hunting 3", "admin");
    await t.run("train", "dana");
    expect(t.text(await t.press("training.snooze", "xdr-advanced-hunting", "dana"))).toContain("before 2026-12-15");
    expect(t.text(await t.press("training.dismiss", "sentinel-hunting-docs", "dana"))).toContain(
      "won't suggest Hunt for threats with Microsoft Sentinel to you again",
    );
    const after = t.text(await t.run("train", "dana"));
    expect(after).not.toContain("Advanced hunting in Microsoft Defender XDR");
    expect(after).not.toContain("Hunt for threats with Microsoft Sentinel (");
    t.clock.set("2026-12-16T10:00:00Z");
    const later = t.text(await t.run("train", "dana"));
    expect(later).toContain("Advanced hunting in Microsoft Defender XDR");
    expect(later).not.toContain("Hunt for threats with Microsoft Sentinel (");
  });

  it("refuses a value that is not a catalog module", async () => {
    await setup();
    const reply = t.text(await t.press("training.done", "<!channel> ../../x", "dana"));
    expect(reply).toContain("no longer in the catalog");
    expect((await t.services.training.completed(t.workspace, (await person(t, "dana")).id)).size).toBe(0);
  });
});
