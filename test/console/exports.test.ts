import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { runConsole } from "../../adapters/console/index.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("console exports", () => {
  it("writes the workbook and the CSV under the exports folder and prints their paths", async () => {
    const dir = mkdtempSync(join(tmpdir(), "secops-exports-"));
    dirs.push(dir);
    t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk: Buffer) => (text += chunk.toString()));
    const done = runConsole({ bot: t.bot, input, output, user: "admin", prompt: false, exportsDir: dir });
    input.end("assign S1-1 @dana due 2026-12-20\nexport workbook\nexport csv audit\n");
    await done;
    const xlsx = join(dir, "secops-tracking-2026-11-28.xlsx");
    expect(text).toContain(`Saved Tracking workbook: ${xlsx}`);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(readFileSync(xlsx)).Sheets.Tasks!);
    expect(rows.find((r) => r["Task ID"] === "S1-1")?.Owner).toBe("dana");
    expect(readFileSync(join(dir, "secops-audit-2026-11-28.csv"), "utf8")).toContain("task,S1-1,assigned,,");
  });

  it("imports a CSV by path: a preview first, applied only by import apply", async () => {
    const dir = mkdtempSync(join(tmpdir(), "secops-import-"));
    dirs.push(dir);
    const path = join(dir, "ours.csv");
    writeFileSync(path, "Task ID,Owner,Due date,Status\r\nS2-1,dana,2027-03-01,In progress\r\n");
    t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk: Buffer) => (text += chunk.toString()));
    const done = runConsole({ bot: t.bot, input, output, user: "admin", prompt: false });
    input.end(`role @dana analyst\nimport ${path}\nimport ${join(dir, "missing.csv")}\nimport apply\n`);
    await done;
    expect(text).toContain("Changed: 1");
    expect(text).toContain(`Cannot read ${join(dir, "missing.csv")}.`);
    expect(text).toContain("Imported ours.csv: 0 tasks added, 1 changed");
    const task = await t.services.tasks.get("console", "S2-1");
    expect([task?.ownerName, task?.dueDate, task?.status]).toEqual(["dana", "2027-03-01", "in_progress"]);
  });
});
