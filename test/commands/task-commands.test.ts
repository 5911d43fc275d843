import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @dana analyst");
  await t.run("role @lee lead");
});
afterEach(() => t.close());

describe("plan", () => {
  it("shows the five phases, every area's progress with overdue counts, and the stakeholders", async () => {
    await t.run("assign S1-1 @dana due 2026-12-01");
    await t.run("done S1-2");
    t.clock.set("2026-12-05T10:00:00Z");
    const text = t.text(await t.run("plan", "nobody"));
    expect(text).toContain("Define strategy → Plan → Ready → Adopt → Govern and manage");
    expect(text).toMatch(/S1 Stage 1 1\/8 1 overdue/);
    expect(text).toMatch(/S4 Stage 4 0\/6/);
    expect(text).toContain("Executive sponsorship");
  });
});

describe("tasks", () => {
  it("lists every task with id, title, owner, due date and status", async () => {
    await t.run("assign S1-2 @dana due friday");
    const text = t.text(await t.run("tasks"));
    expect(text).toContain("S1-2  Turn on Microsoft Defender for Office 365 · dana · Fri 4 Dec · ○");
    expect(text).toContain("INV-1");
    expect(text).toContain("S1 Stage 1 (8)");
    const next = await t.press("tasks.next", "21");
    expect(t.text(next)).toContain("GOV-6");
  });

  it.each([
    ["mine", ["S1-1"], ["S1-2"]],
    ["@dana", ["S1-1"], ["S1-2"]],
    ["S2", ["S2-1"], ["S1-1"]],
    ["overdue", ["S1-1"], ["S1-3"]],
    ["done", ["S1-3"], ["S1-1"]],
    ["open", ["S1-1"], ["S1-3"]],
    ["unassigned", ["S1-2"], ["S1-1"]],
  ])("filters by %s", async (filter, present, absent) => {
    await t.run("assign S1-1 @dana due 2026-11-30");
    await t.run("done S1-3");
    t.clock.set("2026-12-02T10:00:00Z");
    const text = t.text(await t.run(`tasks ${filter}`, "dana"));
    for (const id of present) expect(text).toContain(`${id} `);
    for (const id of absent) expect(text).not.toContain(`${id} `);
  });

  it("lists at most 25 lines and says how to see the rest", async () => {
    for (let i = 0; i < 150; i++)
      await t.services.tasks.addCustom(t.workspace, "S2", "Team tasks", `Bulk task ${i}`, t.clock.now());
    const reply = await t.run("tasks S2");
    const text = t.text(reply);
    expect(text).toContain("158 tasks, 1–24 shown");
    expect(text).toContain("S2-1  Turn on Microsoft Defender for Cloud");
    expect(text).toContain("Bulk task 15 ");
    expect(text).not.toContain("Bulk task 16 ");
    expect(text).toContain("…and 134 more — tasks S2, tasks mine, or the Next button");
  });

  it("says how late an overdue task is", async () => {
    await t.run("assign S1-1 @dana due 2026-11-30");
    t.clock.set("2026-12-03T10:00:00Z");
    expect(t.text(await t.run("tasks overdue"))).toContain(
      "S1-1  Turn on Microsoft Defender for Endpoint · dana · Mon 30 Nov · ○ late",
    );
  });
});

describe("task", () => {
  it("shows resources, history and buttons", async () => {
    await t.run("assign S1-2 @dana due friday");
    await t.run("start S1-2 kicked off with the mail team", "dana");
    const text = t.text(await t.run("task s1-2"));
    expect(text).toContain("S1-2 · Turn on Microsoft Defender for Office 365");
    expect(text).toContain("[Defender for Office 365]");
    expect(text).toMatch(/admin: assigned \| — → dana, due 2026-12-04/);
    expect(text).toMatch(/dana: status \| open → in progress · kicked off with the mail team/);
    expect(text).toContain("[Done]");
  });
});

describe("assign, due, unassign", () => {
  it("reassigns and records old → new", async () => {
    await t.run("assign S1-2 @dana");
    await t.run("assign S1-2 @lee due in 2 weeks");
    const task = await t.services.tasks.get(t.workspace, "S1-2");
    expect(task?.ownerName).toBe("lee");
    expect(task?.dueDate).toBe("2026-12-12");
    const history = await t.services.audit.history(t.workspace, "task", "S1-2");
    expect(history.map((h) => `${h.oldValue}→${h.newValue}`)).toEqual(["null→dana", "dana→lee, due 2026-12-12"]);
  });

  it("lets an owner move their own due date but not someone else's", async () => {
    await t.run("assign S1-2 @dana");
    await t.run("assign S1-3 @lee");
    expect(t.text(await t.run("due S1-2 end of month", "dana"))).toContain("S1-2 due Mon 30 Nov");
    expect(t.text(await t.run("due S1-3 end of month", "dana"))).toContain(
      "Only S1-3's owner, a lead or an admin may change it.",
    );
    expect((await t.services.tasks.get(t.workspace, "S1-3"))?.dueDate).toBeNull();
  });

  it("unassigns, and refuses to unassign a task with no owner", async () => {
    await t.run("assign S1-2 @dana");
    expect(t.text(await t.run("unassign S1-2"))).toContain("S1-2 has no owner now (was dana)");
    expect(t.text(await t.run("unassign S1-2"))).toContain("S1-2 has no owner.");
  });
});

describe("start, block, done, reopen", () => {
  it("moves a task through its states with notes", async () => {
    await t.run("assign S2-1 @dana");
    expect(t.text(await t.run("start S2-1", "dana"))).toContain("S2-1 started");
    expect(t.text(await t.run("block S2-1 waiting on licences", "dana"))).toContain(
      "S2-1 blocked: waiting on licences (the leads are told)",
    );
    expect(t.text(await t.run("done S2-1", "dana"))).toContain("S2-1 done ✓");
    expect((await t.services.tasks.get(t.workspace, "S2-1"))?.completedAt).toBe("2026-11-28T10:00:00.000Z");
    expect(t.text(await t.run("reopen S2-1 missed a subscription", "lee"))).toContain("S2-1 reopened");
    const notes = (await t.services.audit.history(t.workspace, "task", "S2-1")).map((h) => h.note);
    expect(notes).toContain("waiting on licences");
    expect(notes).toContain("missed a subscription");
  });

  it("refuses a no-op move", async () => {
    expect(t.text(await t.run("reopen S2-1"))).toContain("S2-1 is already open.");
  });

  it("stops an analyst changing a task they do not own", async () => {
    expect(t.text(await t.run("done S2-1", "dana"))).toContain("Only S2-1's owner, a lead or an admin may change it.");
    expect((await t.services.tasks.get(t.workspace, "S2-1"))?.status).toBe("open");
  });
});

describe("add", () => {
  it("adds a team task numbered after the area's last one, with owner and due date", async () => {
    const text = t.text(await t.run('add S2 "Run a purple-team exercise" @dana due 2026-12-20', "lee"));
    expect(text).toContain("S2-9 · Run a purple-team exercise");
    expect(text).toContain("Owner: dana");
    expect(t.text(await t.run('add INV "Map log sources"', "lee"))).toContain("INV-5 · Map log sources");
    expect(t.text(await t.run("tasks S2"))).toContain("S2-9  Run a purple-team exercise");
  });

  it("keeps workspaces apart", async () => {
    await t.run('add S2 "Only in test"', "lee");
    const other = await createTestBot({ workspace: "other" });
    expect(t.text(await other.run("tasks S2"))).not.toContain("Only in test");
    await other.close();
  });
});

describe("role and roles", () => {
  it("lists roles, most powerful first", async () => {
    const text = t.text(await t.run("roles", "dana"));
    expect(text.indexOf("admin | admin")).toBeLessThan(text.indexOf("lee | lead"));
    expect(text.indexOf("lee | lead")).toBeLessThan(text.indexOf("dana | analyst"));
  });

  it("lets only admins grant admin, and keeps SECOPS_ADMINS admins", async () => {
    expect(t.text(await t.run("role @dana admin", "lee"))).toContain(
      "Only an admin may grant or remove the admin role.",
    );
    expect(t.text(await t.run("role @admin none"))).toContain("is an admin through SECOPS_ADMINS");
    expect(t.text(await t.run("role @dana lead"))).toContain("dana is now lead (was analyst).");
    expect(
      (
        await t.services.audit.history(
          t.workspace,
          "person",
          String((await t.services.people.byPlatformId(t.workspace, "dana"))?.id),
        )
      ).at(-1)?.newValue,
    ).toBe("lead");
  });
});

describe("me", () => {
  it("sets timezone and hours, used for dates", async () => {
    const text = t.text(await t.run("me timezone Asia/Tokyo hours 08-17", "dana"));
    expect(text).toContain("Timezone: Asia/Tokyo");
    expect(text).toContain("Working hours: 08:00–17:00");
    t.clock.set("2026-11-28T23:30:00Z");
    await t.run("assign S1-1 @dana");
    expect(t.text(await t.run("due S1-1 tomorrow", "dana"))).toContain("S1-1 due Mon 30 Nov");
  });

  it("refuses an unknown timezone and bad hours", async () => {
    expect(t.text(await t.run("me timezone Mars/Olympus", "dana"))).toContain('"Mars/Olympus" is not a timezone');
    expect(t.text(await t.run("me hours 18-09", "dana"))).toContain('"18-09" is not a range of hours');
  });
});

describe("help", () => {
  it("lists every command and explains one", async () => {
    const all = t.text(await t.run("help", "nobody"));
    for (const name of [
      "plan",
      "tasks",
      "task",
      "assign",
      "due",
      "unassign",
      "start",
      "block",
      "done",
      "reopen",
      "add",
      "role",
      "roles",
    ]) {
      expect(all).toContain(name);
    }
    const one = t.text(await t.run("help assign", "nobody"));
    expect(one).toContain("Usage: assign <task…|area> @person [due <date>]");
    expect(one).toContain("Who: a lead or an admin");
  });
});
