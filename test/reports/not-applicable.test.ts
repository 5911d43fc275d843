import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { IncomingFile } from "../../src/core/incoming.js";
import type { Reply } from "../../src/core/reply.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @lee lead");
  await t.run("done INV-1");
  await t.run("skip INV-2 no on-premises servers");
  for (const id of ["S3-1", "S3-2", "S3-3"]) await t.run(`skip ${id} no OT estate`);
});
afterEach(() => t.close());

function bytesOf(reply: Reply): Buffer {
  if (reply.kind === "form" || !reply.file) throw new Error("no file in the reply");
  return Buffer.from(reply.file.base64, "base64");
}

const fileOf = (name: string, bytes: Uint8Array): IncomingFile => ({ name, bytes, size: bytes.length });

async function taskRows(): Promise<Record<string, unknown>[]> {
  const wb = XLSX.read(bytesOf(await t.run("export workbook")), { cellDates: true });
  return XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Tasks!);
}

describe("Not applicable in exports", () => {
  it("shows skipped tasks as Not applicable with the reason, and leaves them out of each objective's % done", async () => {
    const wb = XLSX.read(bytesOf(await t.run("export workbook")), { cellDates: true });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Tasks!);
    const tasks = await t.services.tasks.all(t.workspace);
    for (const task of tasks) {
      const row = rows.find((r) => r["Task ID"] === task.id);
      expect(row?.Status === "Not applicable").toBe(task.skipReason !== null);
      if (task.skipReason !== null) expect(row?.Notes).toBe(task.skipReason);
    }
    expect(rows.find((r) => r["Task ID"] === "INV-2")).toMatchObject({ Notes: "no on-premises servers" });
    const inventory = tasks.filter((x) => x.objective === "Take inventory");
    expect(inventory).toHaveLength(4);
    expect(rows.find((r) => r["Task ID"] === "INV-1")?.["% of objective done"]).toBeCloseTo(1 / 3);
    const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Summary!);
    expect(summary.find((r) => r.Objective === "Take inventory")).toMatchObject({
      Tasks: 4,
      Done: 1,
      "Not started": 2,
      "Not applicable": 1,
    });
    expect(summary.find((r) => r.Objective === "Take inventory")?.["% done"]).toBeCloseTo(1 / 3);

    const csv = XLSX.read(bytesOf(await t.run("export csv tasks")).toString("utf8"), { type: "string", raw: true });
    const csvRows = XLSX.utils.sheet_to_json<Record<string, unknown>>(csv.Sheets[csv.SheetNames[0]!]!);
    expect(csvRows.find((r) => r["Task ID"] === "INV-2")).toMatchObject({
      Status: "Not applicable",
      Notes: "no on-premises servers",
    });
    expect(csvRows.find((r) => r["Task ID"] === "INV-1")?.["% of objective done"]).toBe("33");
  });

  it("colours an objective whose tasks are all skipped as not applicable on the slide", async () => {
    const files = unzipSync(bytesOf(await t.run("export slides")));
    const slide = new TextDecoder().decode(files["ppt/slides/slide1.xml"]);
    const texts = [...slide.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("|");
    const objective = t.services.plan.areas
      .find((a) => a.id === "S3")!
      .objectives.find((o) => o.tasks.some((task) => task.id === "S3-1"))!;
    const skipped = (await t.services.tasks.all(t.workspace)).filter((x) => x.objective === objective.name);
    expect(skipped.every((x) => x.skipReason !== null)).toBe(true);
    expect(texts).toContain(`${objective.name}|Not applicable · 0/0`);
    const box = slide.split("<p:sp>").find((s) => s.includes(`<a:t>${objective.name}</a:t>`)) ?? "";
    expect(box).toContain('<a:srgbClr val="C4B5FD"');
    expect(texts).toContain(
      "Design a Microsoft Sentinel workspace and ingest XDR signals|Not started · 0/1 · 2 not applicable",
    );
    expect(texts).toContain("Stage 3|0/3 done");
  });
});

describe("Not applicable in imports", () => {
  it("skips a task marked Not applicable with the reason from Notes and unskips one set back to Not started", async () => {
    const wb = XLSX.read(bytesOf(await t.run("export workbook")), { cellDates: true });
    const sheet = wb.Sheets.Tasks!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
    const rowOf = (id: string) => rows.findIndex((r) => r["Task ID"] === id) + 2;
    XLSX.utils.sheet_add_aoa(sheet, [["Not applicable"]], { origin: `G${rowOf("S2-1")}` });
    XLSX.utils.sheet_add_aoa(sheet, [["covered by the MSSP"]], { origin: `J${rowOf("S2-1")}` });
    XLSX.utils.sheet_add_aoa(sheet, [["Not started"]], { origin: `G${rowOf("INV-2")}` });
    const edited = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;

    const preview = t.text(await t.runWithFiles("import", [fileOf("ours.xlsx", edited)], "lee"));
    expect(preview).toContain("Changed: 2");
    expect(preview).toContain("status Not started → Not applicable (covered by the MSSP)");
    expect(preview).toContain("status Not applicable → Not started");
    expect((await t.services.tasks.get(t.workspace, "S2-1"))?.skipReason).toBeNull();

    await t.run("import apply", "lee");
    expect((await t.services.tasks.get(t.workspace, "S2-1"))?.skipReason).toBe("covered by the MSSP");
    expect((await t.services.tasks.get(t.workspace, "INV-2"))?.skipReason).toBeNull();
    const audit = await t.services.auditLog.list(t.workspace);
    expect(
      audit.filter((e) => e.note === "imported from ours.xlsx").map((e) => [e.entityId, e.action, e.actorName]),
    ).toEqual(
      expect.arrayContaining([
        ["S2-1", "skipped", "lee"],
        ["INV-2", "unskipped", "lee"],
      ]),
    );
    const after = await taskRows();
    expect(after.find((r) => r["Task ID"] === "S2-1")).toMatchObject({
      Status: "Not applicable",
      Notes: "covered by the MSSP",
    });
  });

  it("leaves an exported skipped task unchanged on re-import and refuses Not applicable without a reason or on a done task", async () => {
    const again = t.text(
      await t.runWithFiles("import", [fileOf("same.xlsx", bytesOf(await t.run("export workbook")))], "lee"),
    );
    expect(again).toContain("Changed: 0");
    expect(again).toContain("Rejected: 0");
    const csv = [
      "Task ID,Owner,Due date,Status,Notes",
      "S2-2,,,Not applicable,",
      "INV-1,,,Not applicable,done already",
    ].join("\r\n");
    const refused = t.text(await t.runWithFiles("import", [fileOf("bad.csv", new TextEncoder().encode(csv))], "lee"));
    expect(refused).toContain("Rejected: 2");
    expect(refused).toContain("Not applicable needs the reason in Notes");
    expect(refused).toContain("INV-1 is done; it cannot be Not applicable");
    expect(t.text(await t.run("import apply", "lee"))).toContain("There is no import of yours waiting");
    expect((await t.services.tasks.get(t.workspace, "S2-2"))?.skipReason).toBeNull();
  });
});
