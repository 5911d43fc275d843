/** What a platform's adapter declares about it, so delivery, digests and jobs ask and never test a platform's name. */
import type { Capabilities, PlatformName } from "./incoming.js";

/** At most `max` sends in any `ms` milliseconds, per conversation. */
export interface RateWindow {
  max: number;
  ms: number;
}

export interface PlatformProfile {
  platform: PlatformName;
  capabilities: Capabilities;
  /** The platform's documented per-conversation send limits, as sliding windows. */
  rateWindows: readonly RateWindow[];
  /** Whether a workspace key is one this adapter makes (people rows carry only the workspace). */
  ownsWorkspace(workspace: string): boolean;
}
