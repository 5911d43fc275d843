/**
 * Per-conversation send limits, as sliding windows: Slack allows about one message a second per
 * channel; Teams 7 per second, 8 per 2 s, 60 per 30 s and 1800 per hour per thread.
 */
import type { PlatformName } from "../core/incoming.js";

/** At most `max` sends in any `ms` milliseconds. */
export interface RateWindow {
  max: number;
  ms: number;
}

/** The documented limits per platform; the console has none. */
export const PLATFORM_LIMITS: Record<PlatformName, RateWindow[]> = {
  slack: [{ max: 1, ms: 1000 }],
  teams: [
    { max: 7, ms: 1000 },
    { max: 8, ms: 2000 },
    { max: 60, ms: 30_000 },
    { max: 1800, ms: 3_600_000 },
  ],
  console: [],
};

/** Remembers recent sends per conversation and says whether another may go now. */
export class ConversationLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly limits: Record<PlatformName, RateWindow[]> = PLATFORM_LIMITS) {}

  /** Takes a slot for `lane` at `now` if every window allows it; false means "not yet". */
  tryTake(platform: PlatformName, lane: string, now: number): boolean {
    const windows = this.limits[platform] ?? [];
    const longest = Math.max(0, ...windows.map((w) => w.ms));
    const recent = (this.sent.get(lane) ?? []).filter((t) => now - t < longest);
    if (windows.some((w) => recent.filter((t) => now - t < w.ms).length >= w.max)) {
      this.sent.set(lane, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(lane, recent);
    return true;
  }
}
