/** The platform answers jobs get in tests: from the given adapters' profiles (the console's by default). */
import { CONSOLE_PROFILE } from "../../adapters/console/profile.js";
import type { PlatformProfile } from "../../src/core/platform-profile.js";
import type { Services } from "../../src/app/services.js";
import { platformsOf, type Platforms } from "../../src/delivery/platforms.js";

export function testPlatforms(services: Pick<Services, "conversations">, ...profiles: PlatformProfile[]): Platforms {
  return platformsOf(profiles.length > 0 ? profiles : [CONSOLE_PROFILE], services.conversations);
}
