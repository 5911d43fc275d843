/** Teams as the rest of the bot sees it. */
import type { Capabilities } from "../../src/core/incoming.js";
import type { PlatformProfile } from "../../src/core/platform-profile.js";

/** Forms are input cards, updates replace the card in place, images travel inline. */
export const TEAMS_CAPABILITIES: Capabilities = {
  ephemeral: false,
  forms: true,
  threads: true,
  updateInPlace: true,
  images: true,
};

export const TEAMS_PROFILE: PlatformProfile = {
  platform: "teams",
  capabilities: TEAMS_CAPABILITIES,
  /** The Bot Connector's per-thread limits. */
  rateWindows: [
    { max: 7, ms: 1000 },
    { max: 8, ms: 2000 },
    { max: 60, ms: 30_000 },
    { max: 1800, ms: 3_600_000 },
  ],
  ownsWorkspace: (workspace) => workspace.startsWith("teams:"),
};
