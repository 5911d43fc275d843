/** The shapes the task repository takes and gives: changes, listing filters and the digest's numbers and lists. */
import type { Task, TaskStatus } from "../../domain/task.js";

/** Fields a command may change on a task. */
export type TaskChange = Partial<{
  ownerId: number | null;
  dueDate: string | null;
  status: TaskStatus;
  completedAt: string | null;
  blockedReason: string | null;
  blockedAt: string | null;
  skipReason: string | null;
  removedAt: string | null;
  title: string;
}>;

/** What a listing keeps; every field narrows it further. */
export interface TaskFilter {
  area?: string;
  ownerId?: number;
  unassigned?: boolean;
  status?: "open" | "done" | "blocked";
  /** Not done and due before this date (YYYY-MM-DD). */
  overdueBefore?: string;
  /** Only the tasks the team removed (otherwise removed tasks are never listed). */
  removed?: boolean;
  /** Only the tasks marked not applicable. */
  skipped?: boolean;
}

/** One area's numbers for the digest, counted in SQL over the tasks that are not removed. */
export interface AreaNumbers {
  area: string;
  /** Applicable (not skipped) tasks by status (the progress chart). */
  open: number;
  inProgress: number;
  blocked: number;
  done: number;
  /** Tasks marked not applicable. */
  skipped: number;
  /** Tasks counted in the area's progress (not skipped) and how many of them are done. */
  counted: number;
  countedDone: number;
  /** Open work past its due date, due from today up to the horizon, and open work nobody owns. */
  overdue: number;
  dueSoon: number;
  noOwner: number;
}

/** The first rows of each task list a digest shows, each in the digest's order. */
export interface DigestLists {
  blocked: Task[];
  overdue: Task[];
  dueSoon: Task[];
  unowned: Task[];
}
