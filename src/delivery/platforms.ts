/** What jobs ask about platforms, answered from the profiles of the adapters that run in this process. */
import type { PlatformName } from "../core/incoming.js";
import type { PlatformProfile } from "../core/platform-profile.js";
import type { ConversationRepository } from "../storage/repositories/conversation-repository.js";

export interface Platforms {
  /** Whether a platform shows images in cards (then digests carry a PNG chart). */
  showsImages(platform: PlatformName): boolean;
  /**
   * The platform of a workspace, for direct messages to its people (people rows carry only the workspace):
   * the adapter that owns the workspace's key, else the conversations seen there; undefined when nothing tells.
   */
  platformOf(workspace: string): Promise<PlatformName | undefined>;
}

export function platformsOf(profiles: readonly PlatformProfile[], conversations: ConversationRepository): Platforms {
  return {
    showsImages: (platform) => profiles.some((p) => p.platform === platform && p.capabilities.images),
    async platformOf(workspace) {
      const owner = profiles.find((p) => p.ownsWorkspace(workspace));
      return owner?.platform ?? (await conversations.platformOf(workspace));
    },
  };
}
