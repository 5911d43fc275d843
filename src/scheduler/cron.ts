/** The one file that uses node-cron: each job is a cron task in its own timezone, run through `guarded`. */
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../logger.js";
import { guarded, type ScheduledJob, type Scheduler } from "./scheduler.js";

interface Entry {
  job: ScheduledJob;
  task: ScheduledTask;
  guard: ReturnType<typeof guarded>;
}

/** True when node-cron accepts the expression. */
export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}

/** The next `count` firings node-cron computes for an expression in a timezone, from the current time. */
export function cronNextRuns(expression: string, timezone: string, count: number): Date[] {
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    return task.getNextRuns(count);
  } finally {
    void task.destroy();
  }
}

/** Starts an empty schedule; jobs fire at real time and get `clock()` as their `now`. */
export function createCronScheduler(options: {
  log: Logger;
  clock: () => Date;
  /** Whether jobs may run in this process now (the jobs lease); default always. */
  canRun?: () => boolean;
}): Scheduler {
  const { log, clock } = options;
  const canRun = options.canRun ?? (() => true);
  const entries = new Map<string, Entry>();
  const cronLogger = {
    info: (m: string) => log.debug({ source: "node-cron" }, m),
    warn: (m: string) => log.warn({ source: "node-cron" }, m),
    error: (m: string | Error, err?: Error) => log.error({ source: "node-cron", err: err ?? m }, String(m)),
    debug: (m: string | Error) => log.debug({ source: "node-cron" }, String(m)),
  };

  const scheduler: Scheduler = {
    add(job) {
      const existing = entries.get(job.name);
      if (existing && existing.job.cron === job.cron && existing.job.timezone === job.timezone) {
        existing.job = job;
        return;
      }
      scheduler.remove(job.name);
      if (!cron.validate(job.cron)) throw new Error(`job ${job.name}: invalid cron expression "${job.cron}"`);
      const entry = { job } as Entry;
      entry.guard = guarded(
        { name: job.name, run: (now) => (canRun() ? entry.job.run(now) : Promise.resolve()) },
        log,
        clock,
      );
      entry.task = cron.createTask(job.cron, () => entry.guard.fire(), {
        name: job.name,
        timezone: job.timezone ?? "UTC",
        noOverlap: true,
        logger: cronLogger,
      });
      void entry.task.start();
      entries.set(job.name, entry);
    },
    remove(name) {
      const entry = entries.get(name);
      if (!entry) return;
      entries.delete(name);
      void entry.task.destroy();
    },
    syncGroup(prefix, jobs) {
      const wanted = new Set(jobs.map((j) => j.name));
      for (const name of [...entries.keys()]) if (name.startsWith(prefix) && !wanted.has(name)) scheduler.remove(name);
      for (const job of jobs) scheduler.add(job);
    },
    names: () => [...entries.keys()],
    nextRun: (name) => entries.get(name)?.task.getNextRun() ?? undefined,
    runNow: async (name) => {
      await entries.get(name)?.guard.fire();
    },
    async stop() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map(async (e) => e.task.destroy()));
      await Promise.all(all.map((e) => e.guard.idle()));
    },
  };
  return scheduler;
}
