/** The numbers behind the charts, the workbook and the slides, read from storage for one workspace. */
import { NO_TENANT } from "../alerts/tenant-access.js";
import type { Services } from "../app/services.js";
import type { AreaStatusCounts } from "../charts/progress-chart.js";
import type { BurnupWeek } from "../charts/burnup-chart.js";
import type { IncidentWeek } from "../charts/incidents-chart.js";
import type { Task } from "../domain/task.js";

/** Weeks the burn-up, the incident chart and the workbook's incidents sheet cover. */
export const WEEKS = 12;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The start of each of the last `weeks` 7-day periods ending at `now`, oldest first. */
export function weekStarts(now: Date, weeks = WEEKS): Date[] {
  return Array.from({ length: weeks }, (_, i) => new Date(now.getTime() - (weeks - i) * WEEK_MS));
}

/** Each plan area's tasks by status, in plan order; skipped (not applicable) tasks are counted apart. */
export function areaStatusCounts(services: Services, tasks: readonly Task[]): AreaStatusCounts[] {
  return services.plan.areas.map((area) => {
    const mine = tasks.filter((t) => t.area === area.id);
    const counted = mine.filter((t) => t.skipReason === null);
    const n = (status: Task["status"]) => counted.filter((t) => t.status === status).length;
    return {
      id: area.id,
      name: area.name,
      done: n("done"),
      inProgress: n("in_progress"),
      blocked: n("blocked"),
      skipped: mine.length - counted.length,
      notStarted: n("open"),
    };
  });
}

/** Tasks done by the end of each week (by completion time), against the plan's current total of applicable tasks. */
export function burnupWeeks(tasks: readonly Task[], now: Date, weeks = WEEKS): BurnupWeek[] {
  const completed = tasks.filter((t) => t.status === "done").map((t) => Date.parse(t.completedAt ?? t.updatedAt));
  return weekStarts(now, weeks).map((start) => {
    const end = start.getTime() + WEEK_MS;
    return {
      weekStart: start.toISOString().slice(0, 10),
      completed: completed.filter((at) => at <= end).length,
      scope: tasks.filter((t) => t.skipReason === null).length,
    };
  });
}

/** New incidents by severity, resolutions, MTTA, MTTR and honeypot touches for each of the last weeks. */
export async function incidentWeeks(
  services: Services,
  workspace: string,
  now: Date,
  weeks = WEEKS,
): Promise<IncidentWeek[]> {
  const tenant = (await services.tenants.tenantFor(workspace)) ?? NO_TENANT;
  const result: IncidentWeek[] = [];
  for (const start of weekStarts(now, weeks)) {
    const end = new Date(start.getTime() + WEEK_MS);
    const stats = await services.alertStats.weekStats(workspace, start, end);
    result.push({
      weekStart: start.toISOString().slice(0, 10),
      bySeverity: await services.incidentTrend.newBySeverity(tenant, start, end),
      resolved: stats?.resolvedIncidents ?? 0,
      ...(stats?.meanMinutesToAcknowledge !== undefined ? { mttaMinutes: stats.meanMinutesToAcknowledge } : {}),
      ...(stats?.meanMinutesToResolve !== undefined ? { mttrMinutes: stats.meanMinutesToResolve } : {}),
      honeypotTouches: stats?.honeypotTouches ?? 0,
    });
  }
  return result;
}
