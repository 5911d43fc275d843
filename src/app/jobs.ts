/** The recurring jobs the bot runs. To add one, append a `ScheduledJob` here; main.ts needs no change. */
import type { Services } from "./services.js";
import type { Platforms } from "../delivery/platforms.js";
import { digestJob } from "../digest/schedule-jobs.js";
import { runReminders } from "../reminders/job.js";
import { trainingNudgeSchedule } from "../training/nudge-schedule.js";
import { incidentSyncJob } from "../alerts/sync-job.js";
import { runMonthlyReports } from "../reports/monthly.js";
import type { ScheduledJob } from "../scheduler/scheduler.js";

/** What jobs get: the services and platform facts. */
export interface JobDeps {
  services: Services;
  platforms: Platforms;
}

/** Every recurring job, with its timing. */
export function backgroundJobs(deps: JobDeps): ScheduledJob[] {
  return [
    digestJob(deps),
    { name: "reminders", cron: "*/15 * * * *", runAtStart: true, run: (now) => runReminders(deps, now) },
    trainingNudgeSchedule(deps.services, deps.platforms),
    incidentSyncJob(deps.services, deps.platforms),
    {
      name: "monthly-report",
      cron: "5 * * * *",
      runAtStart: true,
      run: async (now) => void (await runMonthlyReports(deps.services, now)),
    },
  ];
}
