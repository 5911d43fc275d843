import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
afterEach(() => t.close());

describe("assign", () => {
  it("gives a task an owner and a due date read in the actor's timezone", async () => {
    t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
    const reply = await t.run("assign S1-2 @dana due friday");
    expect(reply.visibility).toBe("conversation");
    expect(t.text(reply).split("\n")[0]).toBe("S1-2 → dana, due Fri 4 Dec");
    const task = await t.services.tasks.get(t.workspace, "S1-2");
    expect(task?.ownerName).toBe("dana");
    expect(task?.dueDate).toBe("2026-12-04");
  });

  it("refuses a date in the past and changes nothing", async () => {
    t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
    const reply = await t.run("assign S1-2 @dana due 2026-11-01");
    expect(t.text(reply)).toMatch(/2026-11-01 is in the past/);
    expect(t.text(reply)).toContain("Usage: assign <task…|area> @person [due <date>]");
    expect((await t.services.tasks.get(t.workspace, "S1-2"))?.ownerId).toBeNull();
  });
});
