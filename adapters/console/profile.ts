/** The console as the rest of the bot sees it: one workspace, no limits, no forms or images. */
import type { PlatformProfile } from "../../src/core/platform-profile.js";

/** The console's single workspace. */
export const CONSOLE_WORKSPACE = "console";

export const CONSOLE_PROFILE: PlatformProfile = {
  platform: "console",
  capabilities: { ephemeral: false, forms: false, threads: true, updateInPlace: false, images: false },
  rateWindows: [],
  ownsWorkspace: (workspace) => workspace === CONSOLE_WORKSPACE,
};
