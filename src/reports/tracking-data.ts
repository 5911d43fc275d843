/** Everything the tracking workbook, the CSV exports and the slides show, read once from storage. */
import type { Services } from "../app/services.js";
import type { Task, TaskStatus } from "../domain/task.js";
import type { AuditEvent } from "../storage/repositories/audit-repository.js";
import type { IncidentWeek } from "../charts/incidents-chart.js";
import { incidentWeeks } from "./series.js";

/** The workbook's status words, as Microsoft's tracking workbook uses them. */
export const STATUS_LABELS: Record<TaskStatus, string> = {
  open: "Not started",
  in_progress: "In progress",
  blocked: "Blocked",
  done: "Done",
};

/** The status a skipped task shows, whatever its status was: it does not apply to this organization. */
export const NOT_APPLICABLE = "Not applicable";

/** The tasks sheet's columns, in order; `import` reads the same headers. */
export const TASK_COLUMNS = [
  "Stage",
  "Objective",
  "Task ID",
  "Task",
  "Owner",
  "Due date",
  "Status",
  "% of objective done",
  "Last change",
  "Notes",
] as const;

export interface TaskRow {
  stage: string;
  objective: string;
  taskId: string;
  task: string;
  owner: string;
  dueDate: string | null;
  status: string;
  objectiveDone: number;
  lastChange: string;
  notes: string;
}

/** One stage or objective's progress, for the summary sheet and the slides; `total` includes the skipped tasks. */
export interface ProgressRow {
  stage: string;
  objective: string;
  total: number;
  done: number;
  inProgress: number;
  blocked: number;
  notStarted: number;
  /** Not applicable (skipped): left out of the share done. */
  skipped: number;
}

/** The tasks that count towards a row's progress: all but the skipped ones. */
export function applicable(row: Pick<ProgressRow, "total" | "skipped">): number {
  return row.total - row.skipped;
}

/** The share of a row's applicable tasks that are done (0 when none applies). */
export function shareDone(row: Pick<ProgressRow, "total" | "skipped" | "done">): number {
  const n = applicable(row);
  return n > 0 ? row.done / n : 0;
}

/** One stakeholder role with its people. */
export interface StakeholderRow {
  role: string;
  accountability: string;
  people: string[];
}

/** The whole snapshot. */
export interface TrackingData {
  generatedAt: Date;
  tasks: TaskRow[];
  objectives: ProgressRow[];
  stakeholders: StakeholderRow[];
  incidents: IncidentWeek[];
  audit: AuditEvent[];
}

function progressOf(stage: string, objective: string, tasks: readonly Task[]): ProgressRow {
  const counted = tasks.filter((t) => t.skipReason === null);
  const n = (s: TaskStatus) => counted.filter((t) => t.status === s).length;
  return {
    stage,
    objective,
    total: tasks.length,
    done: n("done"),
    inProgress: n("in_progress"),
    blocked: n("blocked"),
    notStarted: n("open"),
    skipped: tasks.length - counted.length,
  };
}

/** Reads tasks, progress, stakeholders, 12 weeks of incidents and the audit log of a workspace. */
export async function loadTrackingData(services: Services, workspace: string, now: Date): Promise<TrackingData> {
  const tasks = await services.tasks.all(workspace);
  const audit = await services.auditLog.list(workspace);
  const areaName = new Map(services.plan.areas.map((a) => [a.id, a.name]));
  const latestNote = new Map<string, string>();
  for (const e of audit) if (e.entityType === "task" && e.note) latestNote.set(e.entityId, e.note);
  const objectives: ProgressRow[] = [];
  for (const area of services.plan.areas) {
    const names = [...new Set(tasks.filter((t) => t.area === area.id).map((t) => t.objective))];
    for (const objective of names)
      objectives.push(
        progressOf(
          area.name,
          objective,
          tasks.filter((t) => t.area === area.id && t.objective === objective),
        ),
      );
  }
  const percent = (t: Task) => {
    const row = objectives.find((o) => o.stage === areaName.get(t.area) && o.objective === t.objective);
    return row ? shareDone(row) : 0;
  };
  const named = await services.stakeholders.all(workspace);
  return {
    generatedAt: now,
    tasks: tasks.map((t) => ({
      stage: areaName.get(t.area) ?? t.area,
      objective: t.objective,
      taskId: t.id,
      task: t.title,
      owner: t.ownerName ?? "",
      dueDate: t.dueDate,
      status: t.skipReason !== null ? NOT_APPLICABLE : STATUS_LABELS[t.status],
      objectiveDone: percent(t),
      lastChange: t.updatedAt,
      notes: t.skipReason ?? latestNote.get(t.id) ?? "",
    })),
    objectives,
    stakeholders: services.guidance.stakeholders.map((r) => ({
      role: r.name,
      accountability: r.accountability,
      people: named.filter((s) => s.role === r.id).map((s) => s.name),
    })),
    incidents: await incidentWeeks(services, workspace, now),
    audit,
  };
}
