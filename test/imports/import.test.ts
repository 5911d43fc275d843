import { zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { IncomingFile } from "../../src/core/incoming.js";
import type { Reply } from "../../src/core/reply.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @dana analyst");
  await t.run("role @kim analyst");
  await t.run("role @lee lead");
  await t.run("assign S1-2 @dana due 2026-12-15");
});
afterEach(() => t.close());

const file = (name: string, bytes: Uint8Array | string, size?: number): IncomingFile => {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return { name, bytes: data, size: size ?? data.length };
};

function exported(reply: Reply): Buffer {
  if (reply.kind === "form" || !reply.file) throw new Error("no file");
  return Buffer.from(reply.file.base64, "base64");
}

/** Everything an import could change: every task and the length of the history. */
async function state(): Promise<string> {
  const tasks = await t.services.tasks.all(t.workspace);
  const audit = await t.services.auditLog.list(t.workspace);
  return JSON.stringify([tasks.map((x) => [x.id, x.ownerId, x.dueDate, x.status]), audit.length]);
}

const HEADER = "Stage,Objective,Task ID,Task,Owner,Due date,Status,% of objective done,Last change,Notes";

describe("import round trip", () => {
  it("applies exactly the owners, dates and statuses edited in an exported workbook, as the importer", async () => {
    const wb = XLSX.read(exported(await t.run("export workbook")), { cellDates: true });
    const sheet = wb.Sheets.Tasks!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
    const rowOf = (id: string) => rows.findIndex((r) => r["Task ID"] === id) + 2;
    XLSX.utils.sheet_add_aoa(sheet, [["kim"]], { origin: `E${rowOf("S1-2")}` });
    XLSX.utils.sheet_add_aoa(sheet, [["dana", new Date(Date.UTC(2027, 0, 15))]], { origin: `E${rowOf("S3-1")}` });
    XLSX.utils.sheet_add_aoa(sheet, [["In progress"]], { origin: `G${rowOf("GOV-2")}` });
    const edited = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;

    const before = await state();
    const preview = t.text(await t.runWithFiles("import", [file("tracking.xlsx", edited)], "lee"));
    expect(preview).toContain("Added: 0\nChanged: 3\nUnchanged: 39\nRejected: 0");
    expect(preview).toContain("Row 7: S1-2 Turn on Microsoft Defender for Office 365 | owner dana → kim");
    expect(preview).toContain("owner none → dana; due none → 2027-01-15");
    expect(preview).toContain("status Not started → In progress");
    expect(await state()).toBe(before);

    expect(t.text(await t.run("import apply", "lee"))).toContain("Imported tracking.xlsx: 0 tasks added, 3 changed");
    const task = async (id: string) => t.services.tasks.get(t.workspace, id);
    expect((await task("S1-2"))?.ownerName).toBe("kim");
    expect((await task("S1-2"))?.dueDate).toBe("2026-12-15");
    expect([(await task("S3-1"))?.ownerName, (await task("S3-1"))?.dueDate]).toEqual(["dana", "2027-01-15"]);
    expect((await task("GOV-2"))?.status).toBe("in_progress");
    const history = await t.services.audit.history(t.workspace, "task", "S1-2");
    expect(history.at(-1)).toMatchObject({
      actorName: "lee",
      action: "assigned",
      oldValue: "dana",
      newValue: "kim",
      note: "imported from tracking.xlsx",
    });
    expect(t.text(await t.run("import apply", "lee"))).toMatch(/no import of yours waiting/);
  });

  it("adds the team's own task from a CSV row without an id, through the Apply button", async () => {
    const csv = `${HEADER}\r\nStage 2,,,Table-top with the board,dana,2027-02-01,Not started,,,\r\n`;
    const reply = await t.runWithFiles("import", [file("ours.csv", csv)], "lee");
    expect(t.text(reply)).toContain("Added: 1");
    const id = JSON.stringify(reply).match(/"actionId":"import.apply","label":"Apply","value":"(\d+)"/)?.[1] ?? "";
    expect(t.text(await t.press("import.apply", id, "admin"))).toMatch(/no import of yours/);
    expect(t.text(await t.press("import.apply", id, "lee"))).toContain("1 tasks added");
    const added = (await t.services.tasks.all(t.workspace)).find((x) => x.title === "Table-top with the board");
    expect([added?.id, added?.ownerName, added?.dueDate]).toEqual(["S2-9", "dana", "2027-02-01"]);
  });
});

describe("import refuses bad files with a line for each problem and changes nothing", () => {
  const zipBomb = () => zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
  const formulaBook = () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ["Task ID", "Owner", "Due date", "Status"],
      ["S1-1", "dana", "", "Done"],
    ]);
    ws.B2 = { t: "s", f: 'HYPERLINK("http://evil.example","dana")', v: "dana" };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Tasks");
    return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
  };
  it.each([
    ["not a workbook", () => file("tasks.xlsx", "just some text"), /not an Excel workbook/],
    ["binary", () => file("tasks.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])), /neither an Excel workbook/],
    [
      "wrong columns",
      () => file("tasks.csv", "Name,When\r\nx,y\r\n"),
      /Missing columns: Task ID, Owner, Due date, Status/,
    ],
    [
      "unknown task id",
      () => file("t.csv", `${HEADER}\r\nStage 1,,S9-9,,dana,,Done,,,\r\n`),
      /Row 2: S9-9 \| unknown task id "S9-9"/,
    ],
    ["unknown person", () => file("t.csv", `${HEADER}\r\nStage 1,,S1-1,,zed,,Done,,,\r\n`), /unknown person "zed"/],
    [
      "date in the past",
      () => file("t.csv", `${HEADER}\r\nStage 1,,S1-1,,dana,2026-01-01,,,,\r\n`),
      /due date 2026-01-01 is in the past/,
    ],
    ["bad status", () => file("t.csv", `${HEADER}\r\nStage 1,,S1-1,,,,Maybe,,,\r\n`), /status "Maybe" is not one of/],
    ["over 10 MB", () => file("big.xlsx", new Uint8Array(16), 11 * 1024 * 1024), /11\.0 MB; at most 10 MB/],
    ["formula in a workbook", formulaBook, /Cell B2 holds a formula/],
    [
      "formula in a CSV",
      () => file("t.csv", `${HEADER}\r\nStage 1,,S1-1,,=cmd|' /C calc'!A0,,,,,\r\n`),
      /Row 2, column 5 starts with "="/,
    ],
    ["zip bomb", () => file("bomb.xlsx", zipBomb()), /possible zip bomb/],
  ])("%s", async (_name, make, message) => {
    const made = make();
    const upload = made instanceof Uint8Array ? file("book.xlsx", made) : made;
    const before = await state();
    const text = t.text(await t.runWithFiles("import", [upload], "lee"));
    expect(text).toMatch(message);
    expect(text).not.toContain("[Apply]");
    expect(t.text(await t.run("import apply", "lee"))).toMatch(/no import of yours waiting/);
    expect(await state()).toBe(before);
  });
});
