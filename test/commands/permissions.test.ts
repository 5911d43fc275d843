import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, commands } from "../../commands/index.js";
import type { Role } from "../../src/domain/roles.js";
import { hasRole } from "../../src/domain/roles.js";
import { syncIncidents } from "../../src/alerts/sync.js";
import { auditCount, outboxCount, peopleState, subscriptionsState, tasksState } from "../support/storage-state.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

/**
 * A valid invocation of each command; ana (analyst) owns S1-1, so analyst-level changes target it.
 * The team tasks S2-9 and S2-10 (removed), the skipped S3-2 and the synced demo incidents come from freshBot.
 */
const COMMAND_SAMPLES: Record<string, string> = {
  help: "help",
  plan: "plan",
  stakeholders: "stakeholders",
  chart: "chart progress",
  export: "export csv",
  import: "import cancel",
  stakeholder: "stakeholder architect @ana",
  tasks: "tasks",
  task: "task S1-1",
  assign: "assign S1-2 @ana due 2026-12-20",
  due: "due S1-1 2026-12-21",
  unassign: "unassign S1-3",
  start: "start S1-1",
  block: "block S1-1 waiting",
  done: "done S1-1",
  reopen: "reopen S1-4",
  add: 'add S2 "New team task"',
  rename: 'rename S2-9 "Renamed team task"',
  remove: "remove S2-9",
  restore: "restore S2-10",
  skip: "skip S3-1 no OT estate",
  unskip: "unskip S3-2",
  role: "role @zed analyst",
  roles: "roles",
  me: "me",
  subscribe: "subscribe incidents severity >= high",
  unsubscribe: "unsubscribe incidents",
  digest: "digest preview",
  subscriptions: "subscriptions",
  skills: "skills",
  train: "train",
  trained: "trained mdi-docs",
  training: "training off",
  team: "team skills",
  alerts: "alerts 7d",
  incident: "incident 41001",
  asset: "asset honeypot hp-01",
  assets: "assets",
  oncall: "oncall",
  arealead: "arealead",
  graph: "graph",
};

const ACTION_SAMPLES: Record<string, { value: string; inputs?: Record<string, string> }> = {
  "task.start": { value: "S1-1" },
  "task.done": { value: "S1-1" },
  "task.snooze": { value: "S1-1" },
  "task.reassign": { value: "S1-1" },
  "task.assign": { value: "", inputs: { task: "S1-2", owner: "@ana" } },
  "task.add": { value: "", inputs: { area: "S3", title: "From the form" } },
  "training.done": { value: "mdi-docs" },
  "training.snooze": { value: "mdi-docs" },
  "training.dismiss": { value: "mdi-docs" },
  "home.show": { value: "home" },
  "tasks.next": { value: "25 S2" },
  "incident.assign": { value: "41001" },
  "incident.start": { value: "41001" },
  "incident.reopen": { value: "41001" },
  "incident.resolve": { value: "41001" },
  "incident.resolved": { value: "41001", inputs: { classification: "truePositive", determination: "malware" } },
  "import.apply": { value: "1" },
  "import.cancel": { value: "1" },
  "import.upload": { value: "" },
};

const USERS: Record<Role, string> = { none: "nobody", analyst: "ana", lead: "lee", admin: "admin" };

/** Everything a command may change in the workspace, read through the repositories. */
async function snapshot(t: TestBot): Promise<string> {
  const { storage, workspace } = t;
  return JSON.stringify([
    await tasksState(storage, workspace),
    await peopleState(storage, workspace, (p) => [
      p.id,
      p.role,
      p.timezone,
      p.workStartHour,
      p.workEndHour,
      p.notify,
      p.trainingOptOut,
    ]),
    await auditCount(storage, workspace),
    await subscriptionsState(storage),
    await outboxCount(storage),
    await storage.stakeholders.all(workspace),
    await storage.areaLeads.all(workspace),
    await storage.oncall.people(workspace),
    await storage.assets.all(workspace),
    await Promise.all(
      ["analyst", "lead", "admin"].map(async (role) => [...(await storage.skills.requirements(workspace, role))]),
    ),
    await storage.graphLinks.get(workspace),
  ]);
}

async function freshBot(): Promise<TestBot> {
  const t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @ana analyst");
  await t.run("role @lee lead");
  await t.run("role @zed none");
  await t.run("assign S1-1 @ana due 2026-12-10");
  await t.run("assign S1-3 @lee");
  await t.run("done S1-4");
  await t.run("nobody-says-hello", "nobody");
  await t.run("subscribe incidents");
  await t.run('add S2 "Team task"');
  await t.run('add S2 "Removed team task"');
  await t.run("remove S2-10");
  await t.run("skip S3-2 not in scope");
  await syncIncidents(t.services, t.clock.now());
  return t;
}

let t: TestBot;
beforeAll(async () => {
  t = await freshBot();
});
afterAll(() => t.close());

describe("permission matrix", () => {
  it("has a sample for every registered command and action", () => {
    expect(Object.keys(COMMAND_SAMPLES).sort()).toEqual(commands.map((c) => c.name).sort());
    expect(Object.keys(ACTION_SAMPLES).sort()).toEqual(actions.map((a) => a.id).sort());
  });

  const cells = commands.flatMap((c) =>
    (Object.keys(USERS) as Role[]).map((role) => [c.name, role, c.minRole] as const),
  );
  // A refused cell must change nothing, so all of them share the fixture `t` (a change would show in its
  // snapshot); an allowed cell may change things and gets a fresh copy of the fixture.
  it.each(cells)("%s as %s", async (name, role, minRole) => {
    const line = COMMAND_SAMPLES[name] ?? name;
    if (hasRole(role, minRole)) {
      const bot = await freshBot();
      const reply = bot.text(await bot.run(line, USERS[role]));
      await bot.close();
      expect(reply).not.toMatch(/needs (an admin|a lead|an analyst)/);
      expect(reply).not.toContain("Something went wrong");
      expect(reply, "an allowed sample is answered, not refused with its usage").not.toContain("Usage:");
    } else {
      const before = await snapshot(t);
      const reply = t.text(await t.run(line, USERS[role]));
      expect(reply).toContain(`needs `);
      expect(reply).toContain(`your role is ${role}`);
      expect(await snapshot(t)).toBe(before);
    }
  });

  const actionCells = actions.flatMap((a) =>
    (Object.keys(USERS) as Role[]).map((role) => [a.id, role, a.minRole] as const),
  );
  it.each(actionCells)("button %s as %s", async (id, role, minRole) => {
    const sample = ACTION_SAMPLES[id] ?? { value: "" };
    if (hasRole(role, minRole)) {
      const bot = await freshBot();
      const reply = bot.text(await bot.press(id, sample.value, USERS[role], sample.inputs));
      await bot.close();
      expect(reply).not.toMatch(/needs (an admin|a lead|an analyst)/);
      expect(reply).not.toContain("Something went wrong");
      expect(reply, "an allowed sample is answered, not refused with its usage").not.toContain("Usage:");
    } else {
      const before = await snapshot(t);
      const reply = t.text(await t.press(id, sample.value, USERS[role], sample.inputs));
      expect(reply).toContain(`your role is ${role}`);
      expect(await snapshot(t)).toBe(before);
    }
  });

  it("a button's value never grants access to someone else's task", async () => {
    const before = await snapshot(t);
    expect(t.text(await t.press("task.done", "S1-3", "ana"))).toContain(
      "Only S1-3's owner, a lead or an admin may change it.",
    );
    expect(t.text(await t.press("task.snooze", "S1-3", "ana"))).toContain("Only S1-3's owner");
    expect(await snapshot(t)).toBe(before);
  });

  it("lets only leads and admins subscribe a conversation to the weekly digest", async () => {
    const bot = await freshBot();
    expect(bot.text(await bot.run("subscribe digest", "ana"))).toBe("Subscribing to digest needs a lead or an admin.");
    expect(
      (
        await bot.services.subscriptions.forConversation({ workspace: bot.workspace, platform: "console", id: "C1" })
      ).map((s) => s.kind),
    ).toEqual(["incidents"]);
    expect(bot.text(await bot.run("subscribe digest", "lee"))).toContain("Subscribed to digest");
    expect(bot.text(await bot.run("unsubscribe digest", "ana"))).toBe(
      "Unsubscribing from digest needs a lead or an admin.",
    );
    await bot.close();
  });

  it("refuses an unknown button", async () => {
    expect(t.text(await t.press("admin.grant", "S1-1", "ana"))).toContain("That button is no longer supported");
  });
});
