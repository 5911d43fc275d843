/**
 * Compares an imported tasks table with the workspace's tasks: which rows add a task, change one, change
 * nothing, or are rejected (and why). Nothing is written here; the result is stored until `import apply`.
 */
import type { Services } from "../app/services.js";
import { TASK_ID, parseAreaId } from "../domain/plan.js";
import type { Task, TaskStatus } from "../domain/task.js";
import { NOT_APPLICABLE, STATUS_LABELS } from "../reports/tracking-data.js";

/** One change to apply: an existing task's owner, due date or status, or a new task of the team's own. */
export interface ImportChange {
  row: number;
  kind: "add" | "change";
  taskId: string;
  area: string;
  title: string;
  owner?: { id: number; name: string } | null;
  dueDate?: string | null;
  status?: TaskStatus;
  /** A reason skips the task (Not applicable); null counts a skipped task again. */
  skipReason?: string | null;
  /** "owner dana → kim", for the preview and the audit history. */
  summary: string[];
}

/** A row that will not be applied, with the reason. */
export interface ImportRejection {
  row: number;
  taskId: string;
  reason: string;
}

export interface ImportPreview {
  added: ImportChange[];
  changed: ImportChange[];
  unchanged: string[];
  rejected: ImportRejection[];
}

/** Headers `import` needs; the others of the workbook are read when present. */
export const REQUIRED_COLUMNS = ["Task ID", "Owner", "Due date", "Status"] as const;

const STATUS_BY_LABEL = new Map<string, TaskStatus>(
  (Object.entries(STATUS_LABELS) as [TaskStatus, string][]).flatMap(([status, label]) => [
    [label.toLowerCase(), status],
    [status.replace("_", " "), status],
  ]),
);

/** The longest reason a task may be skipped for (as `skip` allows). */
const MAX_SKIP_REASON = 200;

/** Column positions by header name, or the headers missing. */
export function columnsOf(header: readonly string[]): { index: Map<string, number>; missing: string[] } {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  return { index, missing: REQUIRED_COLUMNS.filter((c) => !index.has(c.toLowerCase())) };
}

function validDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Builds the preview of `rows` (header first) against the workspace as it is on `today`. */
export async function previewImport(
  services: Services,
  workspace: string,
  rows: readonly string[][],
  today: string,
): Promise<ImportPreview> {
  const { index } = columnsOf(rows[0] ?? []);
  const cell = (row: readonly string[], name: string) => (row[index.get(name.toLowerCase()) ?? -1] ?? "").trim();
  const tasks = new Map((await services.tasks.all(workspace)).map((t) => [t.id, t]));
  const preview: ImportPreview = { added: [], changed: [], unchanged: [], rejected: [] };
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const rowNo = r + 1;
    const id = cell(row, "Task ID").toUpperCase();
    const title = cell(row, "Task");
    if (!id && !title) continue;
    const reject = (reason: string) => preview.rejected.push({ row: rowNo, taskId: id || title.slice(0, 40), reason });
    let task: Task | undefined;
    let area = "";
    if (id) {
      task = tasks.get(id);
      if (!TASK_ID.test(id) || !task) {
        reject(`unknown task id "${id.slice(0, 20)}"`);
        continue;
      }
      if (seen.has(id)) {
        reject(`task ${id} appears twice`);
        continue;
      }
      seen.add(id);
      area = task.area;
    } else {
      const stage = cell(row, "Stage");
      area =
        parseAreaId(services.plan, stage) ??
        services.plan.areas.find((a) => a.name.toLowerCase() === stage.toLowerCase())?.id ??
        "";
      if (!area) {
        reject(`a new task needs a Stage the plan has (not "${stage.slice(0, 40)}")`);
        continue;
      }
      if (title.length < 3 || title.length > 120 || /[\u0000-\u001f\u007f]/.test(title)) {
        reject("a new task's title has 3 to 120 characters and no control characters");
        continue;
      }
    }
    const change: ImportChange = {
      row: rowNo,
      kind: task ? "change" : "add",
      taskId: id,
      area,
      title: task?.title ?? title,
      summary: [],
    };
    const ownerName = cell(row, "Owner");
    if (ownerName !== (task?.ownerName ?? "")) {
      if (ownerName === "") change.owner = null;
      else {
        const people = await services.people.byName(workspace, ownerName);
        if (people.length !== 1) {
          reject(
            people.length
              ? `"${ownerName.slice(0, 40)}" names ${people.length} people`
              : `unknown person "${ownerName.slice(0, 40)}"`,
          );
          continue;
        }
        change.owner = { id: people[0]!.id, name: people[0]!.displayName };
      }
      change.summary.push(`owner ${task?.ownerName ?? "none"} → ${change.owner?.name ?? "none"}`);
    }
    const due = cell(row, "Due date");
    if (due !== (task?.dueDate ?? "")) {
      if (due && !validDate(due)) {
        reject(`"${due.slice(0, 20)}" is not a date (YYYY-MM-DD)`);
        continue;
      }
      if (due && due < today) {
        reject(`due date ${due} is in the past`);
        continue;
      }
      change.dueDate = due || null;
      change.summary.push(`due ${task?.dueDate ?? "none"} → ${due || "none"}`);
    }
    const statusText = cell(row, "Status").toLowerCase();
    const skipped = task?.skipReason ?? null;
    if (statusText === NOT_APPLICABLE.toLowerCase()) {
      const reason = cell(row, "Notes") || skipped || "";
      const problem = !task
        ? "a new task cannot be Not applicable; add it once it applies"
        : task.status === "done"
          ? `${task.id} is done; it cannot be Not applicable`
          : !reason
            ? "Not applicable needs the reason in Notes"
            : reason.length > MAX_SKIP_REASON || /[\u0000-\u001f\u007f]/.test(reason)
              ? `the reason in Notes has at most ${MAX_SKIP_REASON} characters and no control characters`
              : undefined;
      if (problem) {
        reject(problem);
        continue;
      }
      if (reason !== skipped) {
        change.skipReason = reason;
        const was = skipped === null ? STATUS_LABELS[task!.status] : `${NOT_APPLICABLE} (${skipped})`;
        change.summary.push(`status ${was} → ${NOT_APPLICABLE} (${reason})`);
      }
      if (change.summary.length) preview.changed.push(change);
      else preview.unchanged.push(id);
      continue;
    }
    const status = statusText === "" ? (task?.status ?? "open") : STATUS_BY_LABEL.get(statusText);
    if (!status) {
      reject(
        `status "${cell(row, "Status").slice(0, 20)}" is not one of Not started, In progress, Blocked, Done, ${NOT_APPLICABLE}`,
      );
      continue;
    }
    if (skipped !== null && statusText !== "") {
      change.skipReason = null;
      change.summary.push(`status ${NOT_APPLICABLE} → ${STATUS_LABELS[status]}`);
    }
    if (status !== (task?.status ?? "open")) {
      change.status = status;
      if (change.skipReason !== null)
        change.summary.push(`status ${STATUS_LABELS[task?.status ?? "open"]} → ${STATUS_LABELS[status]}`);
    }
    if (!task) preview.added.push(change);
    else if (change.summary.length) preview.changed.push(change);
    else preview.unchanged.push(id);
  }
  return preview;
}
