/** A plan task as the core sees it. */

/** Where a task stands. */
export type TaskStatus = "open" | "in_progress" | "blocked" | "done";

/** Every status, for validation and listings. */
export const TASK_STATUSES: readonly TaskStatus[] = ["open", "in_progress", "blocked", "done"];

/** A task with its owner's name resolved. */
export interface Task {
  workspace: string;
  id: string;
  area: string;
  objective: string;
  title: string;
  detail: string;
  resources: { title: string; url: string }[];
  position: number;
  custom: boolean;
  ownerId: number | null;
  ownerName: string | null;
  dueDate: string | null;
  status: TaskStatus;
  updatedAt: string;
  completedAt: string | null;
  /** Why and since when the task is blocked (null unless blocked). */
  blockedReason: string | null;
  blockedAt: string | null;
  /** Non-null when the team marked the task not applicable: it counts in no total. */
  skipReason: string | null;
  /** Non-null when the team removed its own task; removed tasks are listed only by `tasks removed`. */
  removedAt: string | null;
}

/** Human words for a status. */
export function statusLabel(status: TaskStatus): string {
  return status === "in_progress" ? "in progress" : status;
}

/** True when a task is not done, not skipped and its due date is before `today`. */
export function isOverdue(
  task: Pick<Task, "status" | "dueDate"> & Partial<Pick<Task, "skipReason">>,
  today: string,
): boolean {
  return task.status !== "done" && !task.skipReason && task.dueDate !== null && task.dueDate < today;
}

/** True when a task counts in its area's progress: not skipped (not applicable) and not removed. */
export function countsInProgress(task: Pick<Task, "skipReason" | "removedAt">): boolean {
  return task.skipReason === null && task.removedAt === null;
}

/** True when a task still needs work: not done, not skipped, not removed. */
export function isOpenWork(task: Pick<Task, "status" | "skipReason" | "removedAt">): boolean {
  return task.status !== "done" && countsInProgress(task);
}
