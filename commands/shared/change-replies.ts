/**
 * Short replies after a change, for phones between incidents: one line naming what changed
 * ("S1-2 → dana, due Fri 4 Dec"), then at most a compact card (one line about the task and its
 * buttons). The full card with resources and history is `task <id>`.
 */
import { cardReply, type Reply } from "../../src/core/reply.js";
import { shortDate } from "../../src/domain/dates.js";
import { isOverdue, statusLabel, type Task } from "../../src/domain/task.js";
import { taskButtons } from "./task-views.js";

/** Rows a bulk reply lists before "…and N more". */
export const BULK_ROWS = 25;

/** "dana · due Fri 4 Dec · in progress", the compact line about a task. */
export function taskLine(task: Task, today: string): string {
  const due = task.dueDate ? `due ${shortDate(task.dueDate, today)}` : "no due date";
  const state = task.skipReason !== null ? `skipped: ${task.skipReason}` : statusLabel(task.status);
  return `${task.ownerName ?? "unassigned"} · ${due} · ${state}${isOverdue(task, today) ? " (overdue)" : ""}`;
}

/** The confirmation of a change to one task: the line, the task in one line, its buttons. */
export function changedTaskReply(task: Task, line: string, today: string, notes: readonly string[] = []): Reply {
  return cardReply(
    {
      title: line,
      blocks: [
        { type: "context", spans: [`${task.id} · ${task.title} · ${taskLine(task, today)}`] },
        ...(notes.length ? [{ type: "context" as const, spans: [notes.join(" ")] }] : []),
        { type: "actions", actions: taskButtons(task) },
      ],
    },
    "conversation",
  );
}

/** The confirmation of a bulk change: how many changed, one line each, and what was left alone. */
export function bulkReply(headline: string, changed: readonly Task[], notes: readonly string[]): Reply {
  return cardReply(
    {
      title: headline,
      blocks: [
        {
          type: "list",
          items: changed.slice(0, BULK_ROWS).map((t) => ({ label: `${t.id}  ${t.title}` })),
          empty: "Nothing changed.",
          more: Math.max(0, changed.length - BULK_ROWS),
        },
        ...(notes.length > 0 ? [{ type: "context" as const, spans: [notes.join(" ")] }] : []),
      ],
    },
    "conversation",
  );
}

/** "Left alone: S2-1, S2-4 (done)." for an area's done tasks, or nothing. */
export function leftAloneNote(done: readonly Task[]): string[] {
  if (done.length === 0) return [];
  const ids = done.map((t) => t.id);
  const shown = ids.length > 10 ? `${ids.slice(0, 10).join(", ")} and ${ids.length - 10} more` : ids.join(", ");
  return [`Left alone: ${shown} (done).`];
}

/** "1 task" or "4 tasks". */
export function tasksCount(n: number): string {
  return `${n} task${n === 1 ? "" : "s"}`;
}
