/** CSV exports for auditors and other tools: RFC 4180 quoting, and cells that a spreadsheet could read as a formula made inert. */
import type { AuditEvent } from "../storage/repositories/audit-repository.js";
import { TASK_COLUMNS, type TaskRow } from "./tracking-data.js";

/** A cell starting with one of these could run as a formula in a spreadsheet (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: prefixed with an apostrophe when it could be read as a formula, quoted when needed. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document with a header row and CRLF line ends. */
export function toCsv(headers: readonly string[], rows: readonly (string | number | null)[][]): string {
  return [headers, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The tasks in the workbook's columns. */
export function tasksCsv(tasks: readonly TaskRow[]): string {
  return toCsv(
    TASK_COLUMNS,
    tasks.map((t) => [
      t.stage,
      t.objective,
      t.taskId,
      t.task,
      t.owner,
      t.dueDate ?? "",
      t.status,
      Math.round(t.objectiveDone * 100),
      t.lastChange,
      t.notes,
    ]),
  );
}

/** The audit log: when, who, what, old → new. */
export function auditCsv(events: readonly AuditEvent[]): string {
  return toCsv(
    ["When", "Who", "What", "ID", "Change", "Old", "New", "Note"],
    events.map((e) => [e.at, e.actorName, e.entityType, e.entityId, e.action, e.oldValue, e.newValue, e.note]),
  );
}
