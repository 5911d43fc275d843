/**
 * Reads an uploaded workbook or CSV into rows of text, refusing what is not safe to open: over 10 MB, not a
 * workbook or CSV, a zip that expands too far (a zip bomb), or any formula. Cell text stays untrusted text.
 */
import type ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { MAX_IMPORT_BYTES, type IncomingFile } from "../core/incoming.js";
import { parseCsv } from "./csv-parse.js";

/** Rows of cell text (the first row is the header), or the reasons the file was refused. */
export type TableResult = { ok: true; rows: string[][] } | { ok: false; problems: string[] };

/** Limits on what a workbook may expand to before anything parses it. */
const MAX_EXPANDED_BYTES = 50 * 1024 * 1024;
const MAX_RATIO = 100;
const MAX_ENTRIES = 500;

const FORMULA = /^[=+\-@]/;

function refuse(...problems: string[]): TableResult {
  return { ok: false, problems };
}

/** Checks a zip's declared entries without expanding them; undefined when it is safe to open. */
function zipProblem(bytes: Uint8Array): string | undefined {
  let expanded = 0;
  let entries = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        expanded += f.originalSize;
        entries += 1;
        return false;
      },
    });
  } catch {
    return "The file is not a readable workbook (a damaged zip).";
  }
  if (entries > MAX_ENTRIES) return `The workbook has ${entries} parts; at most ${MAX_ENTRIES} are accepted.`;
  if (expanded > MAX_EXPANDED_BYTES || expanded > bytes.length * MAX_RATIO)
    return `The workbook would expand to ${Math.round(expanded / 1024 / 1024)} MB from ${Math.ceil(bytes.length / 1024)} kB: refused as a possible zip bomb.`;
  return undefined;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "text" in value) return String(value.text);
  return String(value);
}

async function readWorkbook(bytes: Uint8Array): Promise<TableResult> {
  const problem = zipProblem(bytes);
  if (problem) return refuse(problem);
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return refuse("The file is not an Excel workbook (.xlsx).");
  }
  const sheet = wb.getWorksheet("Tasks") ?? wb.worksheets[0];
  if (!sheet) return refuse("The workbook has no sheet.");
  const rows: string[][] = [];
  const problems: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (
        cell.type === Excel.ValueType.Formula ||
        (typeof cell.value === "object" &&
          cell.value !== null &&
          ("formula" in cell.value || "sharedFormula" in cell.value))
      )
        problems.push(`Cell ${cell.address} holds a formula; formulas are never imported.`);
      cells[col - 1] = cellText(cell.value).trim();
    });
    rows.push(Array.from(cells, (c) => c ?? ""));
  });
  return problems.length ? refuse(...problems.slice(0, 10)) : { ok: true, rows };
}

function readCsv(bytes: Uint8Array): TableResult {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) return refuse("The file is neither an Excel workbook (.xlsx) nor a CSV file.");
  const rows = parseCsv(text).map((r) => r.map((c) => c.trim()));
  const problems: string[] = [];
  rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (FORMULA.test(cell))
        problems.push(`Row ${i + 1}, column ${j + 1} starts with "${cell[0]}": formulas are never imported.`);
    }),
  );
  const unprefixed = rows.map((r) => r.map((c) => (/^'[=+\-@]/.test(c) ? c.slice(1) : c)));
  return problems.length ? refuse(...problems.slice(0, 10)) : { ok: true, rows: unprefixed };
}

/** Reads a file shared with `import`. */
export async function readTable(file: IncomingFile): Promise<TableResult> {
  if (file.size > MAX_IMPORT_BYTES || file.bytes.length > MAX_IMPORT_BYTES)
    return refuse(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most 10 MB is accepted.`);
  if (file.bytes.length === 0) return refuse("The file is empty.");
  const zip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (zip) return readWorkbook(file.bytes);
  if (/\.(xlsx|xlsm|xls)$/i.test(file.name)) return refuse("The file is not an Excel workbook (.xlsx).");
  return readCsv(file.bytes);
}
