import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
afterEach(() => t.close());

const openIn = async (area: string) =>
  (await t.services.tasks.all(t.workspace)).filter((x) => x.area === area && x.status !== "done" && !x.skipReason);

describe("bulk assign and due", () => {
  it("assigns every open task of an area, leaves done tasks alone and says so", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.run("done S2-1");
    const reply = t.text(await t.run("assign S2 @dana due 2027-01-15"));
    const open = await openIn("S2");
    expect(reply).toContain(`Assigned ${open.length} tasks to dana, due Fri 15 Jan 2027`);
    for (const task of open) expect(reply).toContain(`${task.id}  ${task.title}`);
    expect(reply).toContain("Left alone: S2-1 (done).");
    expect(open.every((x) => x.ownerName === "dana" && x.dueDate === "2027-01-15")).toBe(true);
    expect((await t.services.tasks.get(t.workspace, "S2-1"))?.ownerId).toBeNull();
  });

  it("assigns a list of ids with a bare date after the person, one line each", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    const reply = t.text(await t.run("assign S1-2 S1-3 S1-5 @dana friday"));
    expect(reply.split("\n")[0]).toBe("Assigned 3 tasks to dana, due Fri 4 Dec");
    expect(reply.match(/^S1-\d {2}/gm)).toEqual(["S1-2  ", "S1-3  ", "S1-5  "]);
    for (const id of ["S1-2", "S1-3", "S1-5"])
      expect((await t.services.tasks.get(t.workspace, id))?.dueDate).toBe("2026-12-04");
  });

  it("moves a whole area's open tasks with due <area> <date>", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.run("done S2-2");
    const reply = t.text(await t.run("due S2 end of month"));
    expect(reply).toContain(`Moved ${(await openIn("S2")).length} tasks to Thu 31 Dec`);
    expect(reply).toContain("Left alone: S2-2 (done).");
    expect((await t.services.tasks.get(t.workspace, "S2-2"))?.dueDate).toBeNull();
  });

  it("refuses to assign or start a done task and asks for reopen first; nothing changes", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.run("done S1-2");
    expect(t.text(await t.run("assign S1-2 @dana"))).toContain("S1-2 is done; `reopen S1-2` first");
    expect(t.text(await t.run("assign S1-3 S1-2 @dana"))).toContain("S1-2 is done");
    expect((await t.services.tasks.get(t.workspace, "S1-3"))?.ownerId).toBeNull();
    expect(t.text(await t.run("start S1-2"))).toContain("S1-2 is done; `reopen S1-2` first");
    expect(t.text(await t.press("task.start", "S1-2"))).toContain("S1-2 is done");
    expect((await t.services.tasks.get(t.workspace, "S1-2"))?.status).toBe("done");
  });

  it("an analyst cannot move a whole area", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.run("role @dana analyst");
    expect(t.text(await t.run("due S2 friday", "dana"))).toMatch(/whole area needs a lead or an admin/);
  });
});

describe("skip and unskip", () => {
  it("takes a task out of the area's denominator in plan, the digest and tasks, with the reason", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    await t.run("done S3-2");
    const total = (await t.services.tasks.all(t.workspace)).filter((x) => x.area === "S3").length;
    expect(t.text(await t.run("plan"))).toContain(`S3 `);
    expect(t.text(await t.run("plan"))).toMatch(new RegExp(`S3 .* 1/${total}`));
    expect(t.text(await t.run("skip S3-1 no OT estate"))).toContain("S3-1 skipped: no OT estate");
    expect(t.text(await t.run("plan"))).toMatch(new RegExp(`S3 .* 1/${total - 1}`));
    expect(t.text(await t.run("digest preview"))).toMatch(new RegExp(`S3 .* 1/${total - 1}`));
    expect(t.text(await t.run("tasks S3"))).toContain("S3-1  ");
    expect(t.text(await t.run("tasks S3"))).toContain("skipped: no OT estate");
    expect(t.text(await t.run("tasks skipped"))).toMatch(/S3-1 .*skipped: no OT estate/);
    expect(t.text(await t.run("assign S3-1 @dana"))).toContain("S3-1 is skipped (no OT estate); `unskip S3-1` first");
    expect(t.text(await t.run("unskip S3-1"))).toContain("S3-1 counts again");
    expect(t.text(await t.run("plan"))).toMatch(new RegExp(`S3 .* 1/${total}`));
  });

  it("needs a reason", async () => {
    t = await createTestBot();
    expect(t.text(await t.run("skip S3-1"))).toContain("Say why S3-1 does not apply");
  });
});

describe("rename, remove and restore the team's own tasks", () => {
  it("renames, removes (history kept, listed by tasks removed) and restores", async () => {
    t = await createTestBot({ now: "2026-12-01T10:00:00Z" });
    const added = t.text(await t.run('add S2 "Tune phishing simulation" @dana'));
    const id = /S2-\d+/.exec(added)?.[0] ?? "";
    expect(t.text(await t.run(`rename ${id} "Tune the phishing simulation"`))).toContain(
      `${id} renamed to "Tune the phishing simulation"`,
    );
    expect(t.text(await t.run('rename S2-1 "Something else"'))).toContain("only tasks your team added");
    expect(t.text(await t.run(`remove ${id}`))).toContain(`${id} removed; its history stays`);
    expect(t.text(await t.run("tasks S2"))).not.toContain(`${id}  `);
    expect(t.text(await t.run(`task ${id}`))).toContain(`restore ${id}`);
    expect(t.text(await t.run("tasks removed"))).toContain(`${id}  Tune the phishing simulation`);
    expect(t.text(await t.run("remove S2-1"))).toContain("skip S2-1 <reason>");
    expect(t.text(await t.run(`restore ${id}`))).toContain(`${id} restored`);
    const card = t.text(await t.run(`task ${id}`));
    expect(card).toContain("renamed");
    expect(card).toContain("removed");
    expect(card).toContain("restored");
    expect(card).toContain("Owner: dana");
  });
});
