/** The one file that uses node-cron: cron jobs run as node-cron tasks in their own timezone, interval jobs on a timer; every firing goes through `guarded`. */
import cron from "node-cron";
import type { Logger } from "../logger.js";
import { guarded, type JobTiming, type ScheduledJob, type Scheduler } from "./scheduler.js";

/** A started timer behind one job, whichever its timing. */
interface Trigger {
  nextRun(): Date | undefined;
  stop(): Promise<void>;
}

interface Entry {
  job: ScheduledJob;
  trigger: Trigger;
  guard: ReturnType<typeof guarded>;
}

function sameTiming(a: JobTiming, b: JobTiming): boolean {
  if ("everySeconds" in a) return "everySeconds" in b && a.everySeconds === b.everySeconds;
  return "cron" in b && a.cron === b.cron && a.timezone === b.timezone;
}

function intervalTrigger(seconds: number, fire: () => Promise<void>, clock: () => Date): Trigger {
  const periodMs = seconds * 1000;
  let next = new Date(clock().getTime() + periodMs);
  const timer = setInterval(() => {
    next = new Date(clock().getTime() + periodMs);
    void fire();
  }, periodMs);
  return {
    nextRun: () => next,
    stop: async () => clearInterval(timer),
  };
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

  function cronTrigger(name: string, expression: string, timezone: string, fire: () => Promise<void>): Trigger {
    if (!cron.validate(expression)) throw new Error(`job ${name}: invalid cron expression "${expression}"`);
    const task = cron.createTask(expression, fire, { name, timezone, noOverlap: true, logger: cronLogger });
    void task.start();
    return {
      nextRun: () => task.getNextRun() ?? undefined,
      stop: async () => void (await task.destroy()),
    };
  }

  const scheduler: Scheduler = {
    add(job) {
      const existing = entries.get(job.name);
      if (existing && sameTiming(existing.job, job)) {
        existing.job = job;
        return;
      }
      scheduler.remove(job.name);
      const entry = { job } as Entry;
      entry.guard = guarded(
        { name: job.name, run: (now) => (canRun() ? entry.job.run(now) : Promise.resolve()) },
        log,
        clock,
      );
      const fire = () => entry.guard.fire();
      entry.trigger =
        "everySeconds" in job
          ? intervalTrigger(job.everySeconds, fire, clock)
          : cronTrigger(job.name, job.cron, job.timezone ?? "UTC", fire);
      entries.set(job.name, entry);
    },
    remove(name) {
      const entry = entries.get(name);
      if (!entry) return;
      entries.delete(name);
      void entry.trigger.stop();
    },
    names: () => [...entries.keys()],
    nextRun: (name) => entries.get(name)?.trigger.nextRun(),
    runNow: async (name) => {
      await entries.get(name)?.guard.fire();
    },
    async stop() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((e) => e.trigger.stop()));
      await Promise.all(all.map((e) => e.guard.idle()));
    },
  };
  return scheduler;
}
