/** Forgiving input: typos, near-miss ids, curly quotes, unquoted titles, dates that read two ways, times. */
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../../adapters/console/index.js";
import { readDueDate } from "../../src/domain/due-input.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
afterEach(() => t.close());

/** Types lines into the real console adapter as `user`; returns what it printed. */
async function type(user: string, ...lines: string[]): Promise<string> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  const input = new PassThrough();
  input.end(lines.join("\n") + "\n");
  const knownPeople = async () => (await t.services.people.all("console")).map((p) => p.platformUserId);
  await runConsole({ bot: t.bot, input, output, user, prompt: false, knownPeople });
  return chunks.join("");
}

describe("typos", () => {
  it("suggests the closest command", async () => {
    t = await createTestBot();
    expect(t.text(await t.run("asign S1-2 @dana"))).toContain('Unknown command "asign" — did you mean `assign`?');
    expect(t.text(await t.run("frobnicate"))).toContain('Unknown command "frobnicate".');
  });

  it.each([
    ["start S1-07", "S1-7 started"],
    ["start s1-2", "S1-2 started"],
  ])("reads %s as a task id", async (line, reply) => {
    t = await createTestBot();
    expect(t.text(await t.run(line))).toContain(reply);
  });

  it.each(["start S12", "start s1 2", "assign S12 @dana", "assign s1 2 @dana", "task s1_2"])(
    "asks about %s: did you mean S1-2?, changing nothing",
    async (line) => {
      t = await createTestBot();
      expect(t.text(await t.run(line))).toContain("did you mean S1-2?");
      expect((await t.services.tasks.all(t.workspace)).every((x) => x.status === "open" && x.ownerId === null)).toBe(
        true,
      );
    },
  );
});

describe("people in the console", () => {
  it("refuses a near-miss name with a way to create it anyway; case and accents do not make a second person", async () => {
    t = await createTestBot({ workspace: "console" });
    await type("admin", "role @dana analyst");
    const refused = await type("admin", "assign S1-2 @dnaa");
    expect(refused).toContain("did you mean @dana? `@dnaa!` creates a new person");
    expect((await t.services.people.all("console")).map((p) => p.displayName)).not.toContain("dnaa");
    expect(await type("admin", "assign S1-2 @dnaa!")).toContain("S1-2 → dnaa");
    await type("admin", "assign S1-3 @Dana");
    const dana = await t.services.people.byPlatformId("console", "dana");
    expect(dana?.displayName).toBe("dana");
    expect((await t.services.tasks.get("console", "S1-3"))?.ownerId).toBe(dana?.id);
  });

  it("takes any script and apostrophes: @José, @renée.müller, @李, @o'brien", async () => {
    t = await createTestBot({ workspace: "console" });
    for (const name of ["José", "renée.müller", "李", "o'brien"])
      expect(await type("admin", `role @${name} analyst`)).toContain(`${name} is now analyst`);
    await type("admin", "role @jose lead");
    expect((await t.services.people.all("console")).filter((p) => p.platformUserId === "jose")).toHaveLength(1);
    expect((await t.services.people.byPlatformId("console", "jose"))?.displayName).toBe("José");
  });

  it("tasks @nobody creates nobody", async () => {
    t = await createTestBot({ workspace: "console" });
    expect(await type("admin", "tasks @nobody")).toContain("I don't know @nobody yet; nobody was created.");
    expect(await t.services.people.byPlatformId("console", "nobody")).toBeUndefined();
  });
});

describe("quotes and titles", () => {
  it("reads curly quotes like straight ones, and an unquoted title up to the @owner or due", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    expect(t.text(await t.run("add S2 “Tune the phishing simulation” @dana"))).toContain(
      "S2-9 · Tune the phishing simulation",
    );
    expect(t.text(await t.run("add S2 Review mail flow rules @dana due friday"))).toContain(
      "S2-10 · Review mail flow rules",
    );
    expect((await t.services.tasks.get(t.workspace, "S2-10"))?.dueDate).toBe("2026-12-04");
    expect(t.text(await t.run("block S2-9 vendor’s delay"))).toContain("blocked: vendor's delay");
  });
});

describe("dates", () => {
  const NOW = new Date("2026-12-01T10:00:00Z");
  it("refuses 01/02 with both readings unless the person chose a date format", () => {
    expect(() => readDueDate("01/02", { timezone: "UTC", dateFormat: null }, NOW)).toThrow(
      '"01/02" reads two ways: 2027-02-01 or 2027-01-02',
    );
    expect(readDueDate("01/02", { timezone: "UTC", dateFormat: "dmy" }, NOW).date).toBe("2027-02-01");
    expect(readDueDate("01/02", { timezone: "UTC", dateFormat: "mdy" }, NOW).date).toBe("2027-01-02");
    expect(readDueDate("25/12", { timezone: "UTC", dateFormat: null }, NOW).date).toBe("2026-12-25");
  });

  it("drops a time with a note, never silently; next quarter is the first day of the next quarter", () => {
    expect(readDueDate("friday 4pm", { timezone: "UTC", dateFormat: null }, NOW)).toEqual({
      date: "2026-12-04",
      note: "The time 4pm is not kept: tasks are due on a day.",
    });
    expect(readDueDate("2026-12-15 16:00", { timezone: "UTC", dateFormat: null }, NOW).date).toBe("2026-12-15");
    expect(readDueDate("next quarter", { timezone: "UTC", dateFormat: null }, NOW).date).toBe("2027-01-01");
  });

  it("works through the commands: by friday, a bare date after the person, me dateformat, the time note", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    expect(t.text(await t.run("assign S1-2 @dana by friday"))).toContain("S1-2 → dana, due Fri 4 Dec");
    expect(t.text(await t.run("assign S1-3 @dana friday 4pm"))).toContain(
      "The time 4pm is not kept: tasks are due on a day.",
    );
    expect(t.text(await t.run("due S1-4 01/02"))).toContain("reads two ways");
    await t.run("me dateformat mdy");
    expect(t.text(await t.run("due S1-4 01/02"))).toContain("S1-4 due Sat 2 Jan 2027");
    expect(t.text(await t.run("subscribe digest weekly friday 4pm"))).toContain("16:00");
  });
});

describe("incidents, training and timezones", () => {
  it("reads incident #41001, trained <title>, and suggests three modules for an unknown one", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.run("role @dana analyst");
    await t.run("subscribe incidents");
    expect(t.text(await t.run("incident #41001", "dana"))).not.toContain("is not an incident id");
    const title = t.services.catalog.modules[0]?.title ?? "";
    expect(t.text(await t.run(`trained ${title}`, "dana"))).toContain(`Recorded: you completed ${title}`);
    const unknown = t.text(await t.run("trained advanced huntng", "dana"));
    expect(unknown).toContain("the closest:");
    expect(unknown.split(";").length).toBeLessThanOrEqual(4);
    expect(unknown).not.toContain(t.services.catalog.modules.map((m) => m.id).join(", "));
  });

  it("stores a timezone in its canonical case and writes nothing when nothing changes", async () => {
    t = await createTestBot();
    expect(t.text(await t.run("me timezone europe/berlin", "dana"))).toContain("Timezone: Europe/Berlin");
    expect((await t.services.people.byPlatformId(t.workspace, "dana"))?.timezone).toBe("Europe/Berlin");
    expect(t.text(await t.run("me timezone Europe/Berlin", "dana"))).toContain("(nothing changed)");
  });
});
