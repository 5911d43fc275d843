/**
 * The tracking workbook in the shape of Microsoft's business scenario objectives tracking workbook, written by
 * exceljs: a row per task, a summary per stage and objective, stakeholders, 12 weeks of incidents and the audit log.
 * Every cell is a value (text, number or date), never a formula, so nothing in it is evaluated when opened.
 */
import ExcelJS from "exceljs";
import { SEVERITIES, weekTotal } from "../charts/incidents-chart.js";
import { shareDone, TASK_COLUMNS, type TrackingData } from "./tracking-data.js";

/** A calendar date (YYYY-MM-DD) or ISO time as a UTC Date Excel shows as that date. */
function excelDate(value: string | null): Date | null {
  if (!value) return null;
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Minutes as hours with one decimal, or an empty cell. */
function toHours(minutes: number | undefined): number | null {
  return minutes === undefined ? null : Math.round(minutes / 6) / 10;
}

type Cell = string | number | Date | null;

/** Adds a sheet with a bold frozen header row, a filter over the columns and widths that fit the longest value. */
function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  rows: readonly Cell[][],
  formats: Record<number, string> = {},
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...headers]).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  headers.forEach((header, i) => {
    const column = ws.getColumn(i + 1);
    const format = formats[i];
    if (format) column.numFmt = format;
    const longest = Math.max(
      header.length,
      ...rows.map((r) => {
        const v = r[i];
        return v instanceof Date ? 16 : String(v ?? "").length;
      }),
    );
    column.width = Math.min(80, Math.max(10, longest + 2));
  });
}

export async function buildWorkbook(data: TrackingData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "secops-bot";
  wb.created = data.generatedAt;
  addSheet(
    wb,
    "Tasks",
    TASK_COLUMNS,
    data.tasks.map((t) => [
      t.stage,
      t.objective,
      t.taskId,
      t.task,
      t.owner,
      excelDate(t.dueDate),
      t.status,
      t.objectiveDone,
      excelDate(t.lastChange),
      t.notes,
    ]),
    { 5: "yyyy-mm-dd", 7: "0%", 8: "yyyy-mm-dd hh:mm" },
  );
  addSheet(
    wb,
    "Summary",
    ["Stage", "Objective", "Tasks", "Done", "In progress", "Blocked", "Not started", "Not applicable", "% done"],
    data.objectives.map((o) => [
      o.stage,
      o.objective,
      o.total,
      o.done,
      o.inProgress,
      o.blocked,
      o.notStarted,
      o.skipped,
      shareDone(o),
    ]),
    { 8: "0%" },
  );
  addSheet(
    wb,
    "Stakeholders",
    ["Role", "Accountability", "People"],
    data.stakeholders.map((s) => [s.role, s.accountability, s.people.join(", ")]),
  );
  addSheet(
    wb,
    "Incidents",
    [
      "Week starting",
      "New",
      ...SEVERITIES.map((s) => s.id),
      "Resolved",
      "MTTA (hours)",
      "MTTR (hours)",
      "Honeypot touches",
    ],
    data.incidents.map((w) => [
      excelDate(w.weekStart),
      weekTotal(w),
      ...SEVERITIES.map((s) => w.bySeverity[s.id] ?? 0),
      w.resolved,
      toHours(w.mttaMinutes),
      toHours(w.mttrMinutes),
      w.honeypotTouches,
    ]),
    { 0: "yyyy-mm-dd" },
  );
  addSheet(
    wb,
    "Audit",
    ["When", "Who", "What", "ID", "Change", "Old", "New", "Note"],
    data.audit.map((e) => [
      excelDate(e.at),
      e.actorName,
      e.entityType,
      e.entityId,
      e.action,
      e.oldValue ?? "",
      e.newValue ?? "",
      e.note ?? "",
    ]),
    { 0: "yyyy-mm-dd hh:mm" },
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
