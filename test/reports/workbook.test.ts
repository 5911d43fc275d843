import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { Reply } from "../../src/core/reply.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @dana analyst");
  await t.run("assign S1-2 @dana due 2026-12-15");
  await t.run("block S1-2 waiting for licences", "dana");
  await t.run("done INV-1");
  await t.run(`add S2 '=HYPERLINK("http://evil.example","click")' @dana`);
  await t.run("stakeholder secops-lead @dana");
});
afterEach(() => t.close());

function fileOf(reply: Reply): Buffer {
  if (reply.kind === "form" || !reply.file) throw new Error("no file in the reply");
  return Buffer.from(reply.file.base64, "base64");
}

describe("export workbook", () => {
  it("writes the tracking workbook that an independent reader opens with every task, sheet and change", async () => {
    const reply = await t.run("export workbook");
    expect(reply.kind !== "form" && reply.file?.name).toBe("secops-tracking-2026-11-28.xlsx");
    const wb = XLSX.read(fileOf(reply), { cellDates: true });
    expect(wb.SheetNames).toEqual(["Tasks", "Summary", "Stakeholders", "Incidents", "Audit"]);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Tasks!);
    const tasks = await t.services.tasks.all(t.workspace);
    expect(rows.map((r) => r["Task ID"])).toEqual(tasks.map((task) => task.id));
    const s12 = rows.find((r) => r["Task ID"] === "S1-2");
    expect(s12).toMatchObject({
      Stage: "Stage 1",
      Objective: "Turn on XDR tools",
      Owner: "dana",
      Status: "Blocked",
      Notes: "waiting for licences",
    });
    expect(s12?.["Due date"]).toBeInstanceOf(Date);
    expect((s12?.["Due date"] as Date).toISOString().slice(0, 10)).toBe("2026-12-15");
    expect(rows.find((r) => r["Task ID"] === "INV-1")).toMatchObject({ Status: "Done", "% of objective done": 0.25 });
    const custom = rows.find((r) => String(r.Task).startsWith("=HYPERLINK"));
    expect(custom?.Stage).toBe("Stage 2");
    const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Summary!);
    expect(summary.find((r) => r.Objective === "Take inventory")).toMatchObject({ Tasks: 4, Done: 1, "% done": 0.25 });
    expect(summary).toHaveLength(new Set(tasks.map((task) => `${task.area}/${task.objective}`)).size);
    const people = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Stakeholders!);
    expect(people.find((r) => r.Role === "SecOps lead")?.People).toBe("dana");
    expect(XLSX.utils.sheet_to_json(wb.Sheets.Incidents!)).toHaveLength(12);
    const audit = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Audit!);
    expect(audit).toHaveLength((await t.services.auditLog.list(t.workspace)).length);
    expect(audit.some((r) => r.What === "task" && r.ID === "S1-2" && r.New === "blocked")).toBe(true);
  });

  it("freezes and filters each header row, and never writes a formula", async () => {
    const files = unzipSync(fileOf(await t.run("export workbook")));
    const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(5);
    for (const name of sheets) {
      const xml = new TextDecoder().decode(files[name]);
      expect(xml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
      expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+1"/);
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).toMatch(/<col [^>]*width="\d/);
    }
  });
});

describe("export csv", () => {
  it("exports the tasks with formula-looking cells made inert, and the audit log since a date", async () => {
    const tasks = await t.run("export csv tasks");
    const text = fileOf(tasks).toString("utf8");
    expect(text.split("\r\n")[0]).toBe(
      "Stage,Objective,Task ID,Task,Owner,Due date,Status,% of objective done,Last change,Notes",
    );
    expect(text).toContain(
      "Stage 1,Turn on XDR tools,S1-2,Turn on Microsoft Defender for Office 365,dana,2026-12-15,Blocked,0,",
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const parsed = XLSX.read(text, { type: "string" });
    expect(XLSX.utils.sheet_to_json(parsed.Sheets[parsed.SheetNames[0]!]!)).toHaveLength(
      (await t.services.tasks.all(t.workspace)).length,
    );
    t.clock.set("2026-12-03T10:00:00Z");
    await t.run("start S1-3");
    const audit = fileOf(await t.run("export csv audit since 2026-12-01")).toString("utf8");
    expect(audit.trim().split("\r\n")).toHaveLength(2);
    expect(audit).toContain("task,S1-3,");
    expect(t.text(await t.run("export csv audit since 2099-01-01"))).toMatch(/in the future/);
    expect(t.text(await t.run("export csv audit since yesterday"))).toMatch(/since YYYY-MM-DD/);
  });
});
