/**
 * What the scheduler offers jobs, independent of node-cron: a job is named, fires on a wall-clock cron
 * (in its own timezone) or at a fixed interval, and its `run(now)` is a plain function. Every run goes
 * through `guarded`: no overlap, never throws.
 */
import type { Logger } from "../logger.js";

/** When a job fires: a cron expression in an IANA zone (default UTC), or every so many seconds from start. */
export type JobTiming = { cron: string; timezone?: string } | { everySeconds: number };

export type ScheduledJob = JobTiming & {
  name: string;
  /** Also run once when the bot starts (catch-up after downtime). */
  runAtStart?: boolean;
  run(now: Date): Promise<void>;
};

/** The running schedule. */
export interface Scheduler {
  /** Adds a job, or replaces the one with the same name (its timing may differ). */
  add(job: ScheduledJob): void;
  /** Removes a job; unknown names are ignored. */
  remove(name: string): void;
  /** Names of the scheduled jobs. */
  names(): string[];
  /** When a job fires next. */
  nextRun(name: string): Date | undefined;
  /** Runs a job at once through the same guard as a cron firing (catch-up at start, tests). */
  runNow(name: string): Promise<void>;
  /** Stops every job and waits for running ones to finish. */
  stop(): Promise<void>;
}

/** Wraps a job so a firing while it still runs is skipped and a failure is logged, never thrown. */
export function guarded(
  job: Pick<ScheduledJob, "name" | "run">,
  log: Logger,
  clock: () => Date,
): { fire(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | undefined;
  return {
    fire() {
      if (running) {
        log.warn({ job: job.name }, "job still running; this firing is skipped");
        return running;
      }
      running = (async () => {
        try {
          await job.run(clock());
        } catch (err) {
          log.error({ err, job: job.name }, "scheduled job failed");
        } finally {
          running = undefined;
        }
      })();
      return running;
    },
    idle: () => running ?? Promise.resolve(),
  };
}
