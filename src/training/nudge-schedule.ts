/** The nudge job as a scheduler entry: hourly, so each person is reached inside their own working hours. */
import type { Services } from "../app/services.js";
import type { Platforms } from "../delivery/platforms.js";
import type { ScheduledJob } from "../scheduler/scheduler.js";
import { trainingNudgeJob, type NudgeJobDeps } from "./nudge-job.js";

/** The job's dependencies from the Services bundle, the platforms and TRAINING_NUDGE_DAYS. */
export function nudgeJobDeps(
  services: Services,
  platforms: Pick<Platforms, "platformOf">,
  nudgeDays: number,
): NudgeJobDeps {
  return { ...services, nudgeDays, platformOf: (workspace) => platforms.platformOf(workspace) };
}

/** Runs at minute 7 of every hour (UTC); the job itself checks each person's hours and the TRAINING_NUDGE_DAYS cap. */
export function trainingNudgeSchedule(services: Services, platforms: Pick<Platforms, "platformOf">): ScheduledJob {
  const deps = nudgeJobDeps(services, platforms, services.trainingNudgeDays);
  return { name: "training-nudges", cron: "7 * * * *", run: (now) => trainingNudgeJob(deps, now) };
}
