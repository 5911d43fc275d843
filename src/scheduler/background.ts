/** Starts what runs without anyone typing: the cron jobs (with a catch-up run at start) and the outbox dispatcher. */
import type { PlatformName } from "../core/incoming.js";
import type { Messenger } from "../core/messenger.js";
import type { Services } from "../core/services.js";
import { createDispatcher, type Dispatcher } from "../delivery/dispatcher.js";
import { createCronScheduler } from "./cron.js";
import { backgroundJobs } from "./jobs.js";
import type { Scheduler } from "./scheduler.js";

/** What the background needs from main.ts. */
export interface BackgroundOptions {
  services: Services;
  /** One Messenger per enabled platform. */
  messengers: readonly Messenger[];
  /** Whether a platform shows images in cards (default: none does). */
  showsImages?: (platform: PlatformName) => boolean;
}

/** The running background, stoppable for a graceful shutdown. */
export interface Background {
  scheduler: Scheduler;
  dispatcher: Dispatcher;
  /** Stops the jobs, then lets the dispatcher finish the message in flight. */
  stop(): Promise<void>;
}

/** Schedules every job, starts the dispatcher loop, then runs the catch-up jobs once (missed digests, reminders). */
export async function startBackground(o: BackgroundOptions): Promise<Background> {
  const { services } = o;
  const scheduler = createCronScheduler({ log: services.log, clock: services.clock });
  const jobs = backgroundJobs({ services, scheduler, showsImages: o.showsImages ?? (() => false) });
  for (const job of jobs) scheduler.add(job);
  const dispatcher = createDispatcher({
    db: services.db,
    messengers: o.messengers,
    clock: services.clock,
    log: services.log,
  });
  dispatcher.start();
  for (const job of jobs) if (job.runAtStart) await scheduler.runNow(job.name);
  return {
    scheduler,
    dispatcher,
    async stop() {
      await scheduler.stop();
      await dispatcher.stop();
    },
  };
}
