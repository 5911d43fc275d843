/** Per-area progress: done, total and overdue counts, shared by `plan`, App Home and digests. */
import { countsInProgress, isOverdue, type Task } from "../../src/domain/task.js";
import type { Plan } from "../../src/domain/plan.js";

export interface AreaProgress {
  id: string;
  name: string;
  done: number;
  total: number;
  overdue: number;
}

/** Counts tasks per plan area, in plan order; skipped tasks leave the denominator. */
export function areaProgress(plan: Plan, tasks: readonly Task[], today: string): AreaProgress[] {
  return plan.areas.map((area) => {
    const mine = tasks.filter((t) => t.area === area.id && countsInProgress(t));
    return {
      id: area.id,
      name: area.name,
      done: mine.filter((t) => t.status === "done").length,
      total: mine.length,
      overdue: mine.filter((t) => isOverdue(t, today)).length,
    };
  });
}
