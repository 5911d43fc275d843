/** Per-conversation send limits, as the sliding windows each platform's profile declares. */
import type { PlatformName } from "../core/incoming.js";
import type { PlatformProfile, RateWindow } from "../core/platform-profile.js";

/** Remembers recent sends per conversation and says whether another may go now. */
export class ConversationLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly windows: ReadonlyMap<PlatformName, readonly RateWindow[]>;

  constructor(profiles: readonly PlatformProfile[]) {
    this.windows = new Map(profiles.map((p) => [p.platform, p.rateWindows]));
  }

  /** Takes a slot for `lane` at `now` if every window allows it; false means "not yet". */
  tryTake(platform: PlatformName, lane: string, now: number): boolean {
    const windows = this.windows.get(platform) ?? [];
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
