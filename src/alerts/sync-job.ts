/** The incident sync as a scheduled job: at start (backfill or catch-up), then every GRAPH_POLL_SECONDS. */
import type { Services } from "../app/services.js";
import type { Platforms } from "../delivery/platforms.js";
import type { ScheduledJob } from "../scheduler/scheduler.js";
import { syncIncidents } from "./sync.js";

export function incidentSyncJob(services: Services, platforms: Pick<Platforms, "platformOf">): ScheduledJob {
  return {
    name: "incident-sync",
    everySeconds: services.alertFeed.pollSeconds,
    runAtStart: true,
    run: async (now) => {
      await syncIncidents(services, now, platforms);
    },
  };
}
