/** Outbound seam: how the delivery layer posts, replies, updates and DMs without naming a platform. */
import type { PlatformName } from "./incoming.js";
import type { PlatformProfile } from "./platform-profile.js";
import type { Reply } from "./reply.js";

/** A conversation to deliver to (a channel, group chat or personal chat). */
export interface DeliveryTarget {
  platform: PlatformName;
  workspace: string;
  conversationId: string;
}

/** The platform's ids for a delivered message: the message itself and the thread it roots or joins. */
export interface SentMessage {
  messageId: string;
  threadId: string;
}

/** A failed delivery: retry later (after `retryAfterMs` if the platform said), or give up when permanent. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
    readonly conversationGone = false,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Proactive messaging, implemented by each adapter. */
export interface Messenger {
  readonly profile: PlatformProfile;
  /** A new top-level message (a new thread root where the platform has threads). */
  post(target: DeliveryTarget, reply: Reply): Promise<SentMessage>;
  /** A reply inside the thread rooted at `threadId`. */
  reply(target: DeliveryTarget, threadId: string, reply: Reply): Promise<SentMessage>;
  /** Replaces a message the bot posted earlier. */
  update(target: DeliveryTarget, messageId: string, reply: Reply): Promise<void>;
  /** A one-to-one message to a person (by platform user id); returns where it went. */
  dm(workspace: string, platformUserId: string, reply: Reply): Promise<SentMessage & { conversationId: string }>;
}
