import { afterEach, describe, expect, it } from "vitest";
import { homeCard } from "../../commands/shared/home.js";
import { trainingSection } from "../../commands/shared/training-home.js";
import type { CommandContext } from "../../src/app/command.js";
import { createTestBot, who, type TestBot } from "../support/test-bot.js";
import { analysts, person } from "./team-setup.js";

let t: TestBot;
afterEach(() => t.close());

async function ctx(name: string): Promise<CommandContext> {
  return {
    actor: await person(t, name),
    workspace: t.workspace,
    services: t.services,
    now: t.clock.now(),
  } as CommandContext;
}

describe("training in the home view", () => {
  it("lists the viewer's suggestions with buttons that act for the viewer", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await analysts(t, "dana");
    await t.run("skills require analyst identity 2");
    const home = t.text({
      kind: "card",
      card: await homeCard(await ctx("dana"), [trainingSection]),
      visibility: "requester",
    });
    expect(home).toContain("Training for your gaps");
    expect(home).toContain(
      "You rated yourself 0 in Identity and the analyst role needs 2; it is a Stage 1 module, the stage the team is in:",
    );
    expect(home).toContain("Microsoft Entra ID Protection documentation");
    expect(t.text(await t.press("training.done", "entra-id-protection-docs", "dana"))).toContain("Recorded");
  });

  it("shows nothing to people who are not on the team", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.services.people.upsert(t.workspace, who("visitor"));
    expect(await trainingSection(await ctx("visitor"))).toEqual([]);
  });
});
