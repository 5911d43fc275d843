/** What Teams can do, apart from the SDK so the rest of the program can ask without loading botbuilder. */
import type { Capabilities } from "../../src/core/incoming.js";

/** What Teams can do; forms are input cards and updates replace the card in place. */
export const TEAMS_CAPABILITIES: Capabilities = {
  ephemeral: false,
  forms: true,
  threads: true,
  updateInPlace: true,
  images: true,
};
