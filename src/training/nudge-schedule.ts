/** The nudge job as a scheduler entry: hourly, so each person is reached inside their own working hours. */
import type { PlatformName } from "../core/incoming.js";
import type { Services } from "../core/services.js";
import { platformOfWorkspace } from "../delivery/workspace-platform.js";
import type { ScheduledJob } from "../scheduler/scheduler.js";
import { trainingNudgeJob, type NudgeJobDeps } from "./nudge-job.js";

/** The adapters key workspaces as `slack:<team>` and `teams:<tenant>`; the prefix names the platform. */
async function platformOf(services: Services, workspace: string): Promise<PlatformName | undefined> {
  const prefix = /^(slack|teams):/.exec(workspace)?.[1];
  return prefix === "slack" || prefix === "teams" ? prefix : platformOfWorkspace(services.conversations, workspace);
}

/** The job's dependencies from the Services bundle and TRAINING_NUDGE_DAYS. */
export function nudgeJobDeps(services: Services, nudgeDays: number): NudgeJobDeps {
  return { ...services, nudgeDays, platformOf: (workspace) => platformOf(services, workspace) };
}

/** Runs at minute 7 of every hour (UTC); the job itself checks each person's hours and the TRAINING_NUDGE_DAYS cap. */
export function trainingNudgeSchedule(services: Services): ScheduledJob {
  const deps = nudgeJobDeps(services, services.trainingNudgeDays);
  return { name: "training-nudges", cron: "7 * * * *", run: (now) => trainingNudgeJob(deps, now) };
}
