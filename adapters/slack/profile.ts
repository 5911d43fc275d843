/** Slack as the rest of the bot sees it. */
import type { Capabilities } from "../../src/core/incoming.js";
import type { PlatformProfile } from "../../src/core/platform-profile.js";

/** Ephemeral replies, modals, threads and in-place updates; no data-URI images (charts go up as files). */
export const SLACK_CAPABILITIES: Capabilities = {
  ephemeral: true,
  forms: true,
  threads: true,
  updateInPlace: true,
  images: false,
  fileInput: true,
};

export const SLACK_PROFILE: PlatformProfile = {
  platform: "slack",
  capabilities: SLACK_CAPABILITIES,
  /** chat.postMessage: about one message a second per channel. */
  rateWindows: [{ max: 1, ms: 1000 }],
  ownsWorkspace: (workspace) => workspace.startsWith("slack:"),
};
