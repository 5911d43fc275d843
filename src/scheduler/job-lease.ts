/**
 * Which replica runs the scheduled jobs: the holder of the "jobs" lease, renewed every few seconds.
 * When the holder dies its lease expires and another replica takes over within JOBS_LEASE_MS plus
 * one renewal, then runs the catch-up jobs and resumes from the stored cursors.
 */
import type { Logger } from "../logger.js";
import type { CoordinationRepository } from "../storage/repositories/coordination-repository.js";

export const JOBS_LEASE = "jobs";
/** How long a held lease lasts without renewal. */
export const JOBS_LEASE_MS = 30_000;
/** How often the lease is renewed (or tried for). */
export const JOBS_RENEW_MS = 10_000;

/** The lease as this process sees it. */
export interface JobLease {
  readonly holder: string;
  /** True while this process holds the lease. */
  held(): boolean;
  /** Tries to take or renew the lease now; resolves with whether this process holds it. */
  renew(): Promise<boolean>;
  /** Starts renewing; `onGain` runs each time this process becomes the holder. */
  start(onGain: () => Promise<void>): void;
  /** Stops renewing and gives the lease up, so another replica takes over at once. */
  stop(): Promise<void>;
}

/** A lease kept through the coordination table. */
export function createJobLease(o: {
  coordination: CoordinationRepository;
  holder: string;
  clock: () => Date;
  log: Logger;
  renewMs?: number;
}): JobLease {
  let holding = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let gaining: Promise<void> | undefined;
  const renew = async (): Promise<boolean> => {
    const now = o.clock();
    const was = holding;
    try {
      holding = await o.coordination.acquire(JOBS_LEASE, o.holder, now, new Date(now.getTime() + JOBS_LEASE_MS));
    } catch (err) {
      holding = false;
      o.log.warn({ err }, "could not renew the jobs lease; jobs pause on this replica");
    }
    if (holding !== was)
      o.log.info({ holder: o.holder, holding }, holding ? "took the jobs lease" : "lost the jobs lease");
    return holding;
  };
  return {
    holder: o.holder,
    held: () => holding,
    renew,
    start(onGain) {
      const loop = async () => {
        const was = holding;
        const now = await renew();
        if (now && !was && !stopped) {
          gaining = onGain().catch((err: unknown) =>
            o.log.error({ err }, "catch-up after taking the jobs lease failed"),
          );
          await gaining;
        }
        if (!stopped) timer = setTimeout(() => void loop(), o.renewMs ?? JOBS_RENEW_MS);
      };
      void loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await gaining;
      if (holding) {
        holding = false;
        await o.coordination.release(JOBS_LEASE, o.holder).catch(() => undefined);
      }
    },
  };
}
