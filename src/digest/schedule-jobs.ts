/**
 * Keeps one cron entry per digest subscription, in the subscription's own timezone, in step with the
 * subscriptions table; a minute job re-syncs and catches up, so new, changed and removed
 * subscriptions take effect within a minute and a missed or DST-skipped firing still goes out.
 */
import { cronExpression } from "../domain/digest-schedule.js";
import type { ScheduledJob, Scheduler } from "../scheduler/scheduler.js";
import { DIGEST_KIND, enqueueDueDigest, readSchedule, runDigestCatchUp, type DigestDeps } from "./deliver.js";

/** Name prefix of the per-subscription cron entries. */
export const DIGEST_JOB_PREFIX = "digest:";

/** The cron entries the current subscriptions call for. */
export async function digestJobs(deps: DigestDeps): Promise<ScheduledJob[]> {
  const jobs: ScheduledJob[] = [];
  for (const sub of await deps.services.subscriptions.ofKind(DIGEST_KIND)) {
    const schedule = readSchedule(sub.settings);
    if (!schedule) continue;
    jobs.push({
      name: `${DIGEST_JOB_PREFIX}${sub.workspace}:${sub.platform}:${sub.conversationId}`,
      cron: cronExpression(schedule),
      timezone: schedule.timezone,
      run: async (now) => {
        const current = (
          await deps.services.subscriptions.forConversation({
            workspace: sub.workspace,
            platform: sub.platform,
            id: sub.conversationId,
          })
        ).find((s) => s.kind === DIGEST_KIND);
        if (current) await enqueueDueDigest(deps, current, now);
      },
    });
  }
  return jobs;
}

/** The every-minute job: re-sync the cron entries, then enqueue any due digest that is missing. */
export function digestSyncJob(deps: DigestDeps, scheduler: Scheduler): ScheduledJob {
  return {
    name: "digest-sync",
    cron: "* * * * *",
    run: async (now) => {
      scheduler.syncGroup(DIGEST_JOB_PREFIX, await digestJobs(deps));
      await runDigestCatchUp(deps, now);
    },
  };
}
