/** The subscription kinds the bot offers. */
import type { SubscriptionKind } from "./kind.js";
import { digestKind } from "./digest.js";
import { incidentsKind } from "./incidents.js";
import { reportKind } from "./report.js";

/** Every kind, by name; each feature adds its own. */
export const subscriptionKinds: readonly SubscriptionKind[] = [digestKind, incidentsKind, reportKind];

/** Looks a kind up by the word typed. */
export function findKind(word: string | undefined): SubscriptionKind | undefined {
  return subscriptionKinds.find((k) => k.name === word?.toLowerCase());
}
