/** The task side of a weekly digest, computed from tasks and the week's completions: pure, no storage. */
import { addDays, daysBetween } from "../domain/dates.js";
import { isOpenWork, isOverdue, type Task } from "../domain/task.js";

/** A task marked done, by whom and when (from the audit history). */
export interface Completion {
  taskId: string;
  by: string;
  at: string;
}

/** What the digest lists about tasks. */
export interface DigestFacts {
  blocked: BlockedFact[];
  completed: { taskId: string; title: string; by: string }[];
  overdue: { taskId: string; title: string; owner: string | null; daysLate: number }[];
  dueSoon: { taskId: string; title: string; owner: string | null; dueDate: string }[];
  unowned: { taskId: string; title: string }[];
  /** How many each list holds in all, where a list carries only its first rows. */
  totals?: Partial<Record<ListName, number>>;
}

/** The digest's task lists. */
export type ListName = "blocked" | "completed" | "overdue" | "dueSoon" | "unowned";

/** A blocked task: who owns it, why it is blocked and for how many days. */
export interface BlockedFact {
  taskId: string;
  title: string;
  owner: string | null;
  reason: string;
  daysBlocked: number;
}

/** Blocked tasks, longest blocked first. */
export function blockedFacts(tasks: readonly Task[], today: string): BlockedFact[] {
  return tasks
    .filter((t) => t.status === "blocked" && isOpenWork(t))
    .map((t) => ({
      taskId: t.id,
      title: t.title,
      owner: t.ownerName,
      reason: t.blockedReason ?? "no reason recorded",
      daysBlocked: Math.max(0, daysBetween((t.blockedAt ?? t.updatedAt).slice(0, 10), today)),
    }))
    .sort((a, b) => b.daysBlocked - a.daysBlocked);
}

/** "blocked today", "blocked 1 day", "blocked 5 days". */
export function blockedFor(days: number): string {
  return days === 0 ? "blocked today" : `blocked ${days} day${days === 1 ? "" : "s"}`;
}

/** Days ahead `dueSoon` covers. */
export const DUE_SOON_DAYS = 7;

/**
 * Blocked: longest blocked first, with the reason.
 * Completed: tasks done in the period and still done, credited to whoever marked them done last.
 * Overdue: most days late first. Due soon: today up to 7 days ahead, soonest first. Unowned: open tasks with no owner.
 */
export function digestFacts(tasks: readonly Task[], completions: readonly Completion[], today: string): DigestFacts {
  return {
    blocked: blockedFacts(tasks, today),
    completed: completedFacts(tasks, completions),
    overdue: overdueFacts(tasks, today),
    dueSoon: dueSoonFacts(tasks, today),
    unowned: unownedFacts(tasks),
  };
}

/** Tasks done in the period and still done, credited to whoever marked them done last. */
export function completedFacts(tasks: readonly Task[], completions: readonly Completion[]): DigestFacts["completed"] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const lastBy = new Map<string, Completion>();
  for (const c of [...completions].sort((a, b) => a.at.localeCompare(b.at))) lastBy.set(c.taskId, c);
  return [...lastBy.values()]
    .filter((c) => byId.get(c.taskId)?.status === "done")
    .map((c) => ({ taskId: c.taskId, title: byId.get(c.taskId)?.title ?? "", by: c.by }));
}

/** Open work past its due date, most days late first. */
export function overdueFacts(tasks: readonly Task[], today: string): DigestFacts["overdue"] {
  return tasks
    .filter((t) => isOpenWork(t) && isOverdue(t, today))
    .map((t) => ({
      taskId: t.id,
      title: t.title,
      owner: t.ownerName,
      daysLate: daysBetween(t.dueDate ?? today, today),
    }))
    .sort((a, b) => b.daysLate - a.daysLate);
}

/** Open work due from today up to DUE_SOON_DAYS ahead, soonest first. */
export function dueSoonFacts(tasks: readonly Task[], today: string): DigestFacts["dueSoon"] {
  const horizon = addDays(today, DUE_SOON_DAYS);
  return tasks
    .filter((t) => isOpenWork(t) && t.dueDate !== null && t.dueDate >= today && t.dueDate <= horizon)
    .map((t) => ({ taskId: t.id, title: t.title, owner: t.ownerName, dueDate: t.dueDate ?? today }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** Open work nobody owns. */
export function unownedFacts(tasks: readonly Task[]): DigestFacts["unowned"] {
  return tasks.filter((t) => isOpenWork(t) && t.ownerId === null).map((t) => ({ taskId: t.id, title: t.title }));
}
