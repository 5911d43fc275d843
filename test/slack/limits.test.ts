/** Very long task lists through Slack: the message and the Home tab stay within Block Kit's limits and say what they left out. */
import { describe, expect, it } from "vitest";
import { allText, lastPost } from "./blocks.js";
import { useHarness, type Harness } from "./harness.js";

const WS = "slack:T0FAKE";
let h: Harness;
useHarness((started) => (h = started));

/** Adds `n` long team tasks owned by dana (after one command has seeded the workspace). */
async function manyTasks(n: number): Promise<number> {
  await h.command("assign S1-1 <@UDANA>");
  const dana = await h.services.people.byPlatformId(WS, "UDANA");
  const now = new Date("2026-11-28T10:00:00Z");
  for (let i = 0; i < n; i++) {
    const id = await h.services.tasks.addCustom(
      WS,
      "S2",
      "Team tasks",
      `Task ${i} <!channel> ${"long title words ".repeat(6)}`,
      now,
    );
    await h.services.tasks.update(WS, id, { ownerId: dana?.id ?? null, dueDate: "2026-12-15" }, now);
  }
  return (await h.services.tasks.all(WS)).length;
}

const more = (text: string) => Number(/…and (\d+) more\b/.exec(text)?.[1] ?? NaN);

describe("long lists", () => {
  it("renders 400+ tasks as one accepted message that ends in '…and N more'", async () => {
    const total = await manyTasks(400);
    const post = lastPost(h.fake, (await h.command("tasks")).responseUrl);
    expect(h.fake.rejected).toEqual([]);
    expect((post.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    const text = allText(post);
    const shown = (text.match(/^\*[A-Z]+\d*-\d+ {2}/gm) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown + more(text)).toBe(total);
  });

  it("publishes a Home tab within 100 blocks for a person with hundreds of tasks", async () => {
    await manyTasks(1200);
    await h.event("EvMany", {
      type: "app_home_opened",
      user: "UDANA",
      channel: "D0DANA",
      tab: "home",
      event_ts: "1.4",
    });
    const view = h.fake.callsTo("views.publish")[0]?.args.view as { blocks: unknown[] };
    expect(h.fake.rejected).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(more(allText(view))).toBeGreaterThan(0);
    expect(allText(view)).toContain("Stage progress");
  });
});
