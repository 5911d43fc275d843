/** Starts what runs without anyone typing: the cron jobs (with a catch-up run at start) and the outbox dispatcher. */
import type { Messenger } from "../core/messenger.js";
import type { Services } from "./services.js";
import { createDispatcher, type Dispatcher } from "../delivery/dispatcher.js";
import { platformsOf } from "../delivery/platforms.js";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { createCronScheduler } from "../scheduler/cron.js";
import { createJobLease, type JobLease } from "../scheduler/job-lease.js";
import { backgroundJobs } from "./jobs.js";
import type { Scheduler } from "../scheduler/scheduler.js";

/** What the background needs from main.ts. */
export interface BackgroundOptions {
  services: Services;
  /** One Messenger per enabled platform. */
  messengers: readonly Messenger[];
}

/** The running background, stoppable for a graceful shutdown. */
export interface Background {
  scheduler: Scheduler;
  dispatcher: Dispatcher;
  /** Whether this process runs the jobs (the other replicas only dispatch and answer). */
  lease: JobLease;
  /** Stops the jobs, then lets the dispatcher finish the message in flight. */
  stop(): Promise<void>;
}

/**
 * Schedules every job, starts the dispatcher loop and the jobs lease; the replica holding the lease
 * runs the catch-up jobs (missed digests, reminders) at once, and again whenever it takes the lease over.
 */
export async function startBackground(o: BackgroundOptions): Promise<Background> {
  const { services } = o;
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lease = createJobLease({
    coordination: services.coordination,
    holder,
    clock: services.clock,
    log: services.log,
  });
  const scheduler = createCronScheduler({ log: services.log, clock: services.clock, canRun: () => lease.held() });
  const jobs = backgroundJobs({
    services,
    platforms: platformsOf(
      o.messengers.map((m) => m.profile),
      services.conversations,
    ),
  });
  for (const job of jobs) scheduler.add(job);
  const dispatcher = createDispatcher({
    storage: services,
    holder,
    messengers: o.messengers,
    clock: services.clock,
    log: services.log,
  });
  dispatcher.start();
  const catchUp = async () => {
    for (const job of jobs) if (job.runAtStart) await scheduler.runNow(job.name);
  };
  if (await lease.renew()) await catchUp();
  lease.start(catchUp);
  return {
    scheduler,
    dispatcher,
    lease,
    async stop() {
      await scheduler.stop();
      await dispatcher.stop();
      await lease.stop();
    },
  };
}
