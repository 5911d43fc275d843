/** The Home tab: published on app_home_opened with the person's own tasks (overdue first) and the stage progress. */
import { describe, expect, it } from "vitest";
import { allText, button } from "./blocks.js";
import { useHarness, type Harness } from "./harness.js";

const WS = "slack:T0FAKE";
let h: Harness;
useHarness((started) => (h = started));

const opened = (tab: string) => ({
  type: "app_home_opened",
  user: "UDANA",
  channel: "D0DANA",
  tab,
  event_ts: "1700000000.000001",
});

describe("App Home", () => {
  it("publishes the person's tasks, overdue first, and every stage's progress", async () => {
    await h.command("assign S2-1 <@UDANA> due 2026-12-20");
    await h.command("assign S1-3 <@UDANA> due 2026-12-01");
    await h.services.tasks.update(WS, "S1-3", { dueDate: "2026-11-20" }, new Date("2026-11-28T10:00:00Z"));
    expect(await h.event("Ev1", opened("home"))).toBe(200);
    await h.fake.waitFor("views.publish", () => h.fake.callsTo("views.publish").length === 1);
    const call = h.fake.callsTo("views.publish")[0];
    expect(call?.args.user_id).toBe("UDANA");
    const view = call?.args.view as Record<string, unknown>;
    expect(view.type).toBe("home");
    const text = allText(view);
    expect(text).toContain("Your open tasks: 2");
    expect(text.indexOf("S1-3")).toBeLessThan(text.indexOf("S2-1"));
    expect(text).toMatch(/8 days late/);
    expect(text).toContain("Stage progress");
    expect(text).toMatch(/INV[\s\S]*S1[\s\S]*GOV/);
  });

  it("ignores the Messages tab", async () => {
    await h.event("Ev2", opened("messages"));
    expect(h.fake.callsTo("views.publish")).toHaveLength(0);
  });

  it("Refresh on the Home tab republishes it", async () => {
    await h.event("Ev3", opened("home"));
    const view = h.fake.callsTo("views.publish")[0]?.args.view;
    await h.click(button(view, "Refresh"), "dana", { home: true });
    expect(h.fake.callsTo("views.publish")).toHaveLength(2);
    expect(h.fake.callsTo("views.publish")[1]?.args.user_id).toBe("UDANA");
  });
});
