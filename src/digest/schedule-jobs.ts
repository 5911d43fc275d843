/**
 * The digest job: every minute it enqueues each subscription's digest that is due and not yet sent.
 * The check is idempotent (one outbox key per conversation and ISO week), so the same job serves the
 * scheduled time, a subscription made or changed a minute ago, a restart and a DST-skipped hour alike.
 */
import type { ScheduledJob } from "../scheduler/scheduler.js";
import { runDigestCatchUp, type DigestDeps } from "./deliver.js";

export function digestJob(deps: DigestDeps): ScheduledJob {
  return {
    name: "digests",
    cron: "* * * * *",
    runAtStart: true,
    run: async (now) => void (await runDigestCatchUp(deps, now)),
  };
}
