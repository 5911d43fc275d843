/** The incident sync as a scheduled job: GRAPH_POLL_SECONDS turned into a cron expression node-cron accepts. */
import type { Services } from "../core/services.js";
import type { ScheduledJob } from "../scheduler/scheduler.js";
import { syncIncidents } from "./sync.js";

/** A cron expression firing about every `seconds` (≥ 30): seconds under a minute, else whole minutes or hours. */
export function pollCron(seconds: number): string {
  if (seconds < 60) return `*/${Math.max(30, Math.round(seconds))} * * * * *`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `*/${minutes} * * * *`;
  return `0 */${Math.min(23, Math.round(minutes / 60))} * * *`;
}

/** The job: syncs at start (backfill or catch-up) and then every poll interval. */
export function incidentSyncJob(services: Services): ScheduledJob {
  return {
    name: "incident-sync",
    cron: pollCron(services.alertFeed.pollSeconds),
    runAtStart: true,
    run: async (now) => {
      await syncIncidents(services, now);
    },
  };
}
