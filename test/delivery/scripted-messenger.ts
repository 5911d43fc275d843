/** A Messenger whose answers a test scripts: it records every call and throws the queued failures first. */
import { CONSOLE_PROFILE } from "../../adapters/console/profile.js";
import { SLACK_PROFILE } from "../../adapters/slack/profile.js";
import { TEAMS_PROFILE } from "../../adapters/teams/profile.js";
import type { PlatformName } from "../../src/core/incoming.js";
import { DeliveryError, type Messenger } from "../../src/core/messenger.js";
import { spansToPlain, type Reply } from "../../src/core/reply.js";

/** One recorded call. */
export interface Call {
  op: "post" | "reply" | "update" | "dm";
  conversationId: string;
  /** Thread for replies, message id for updates. */
  ref?: string;
  text: string;
}

/** The messenger plus its record and its failure script. */
export interface ScriptedMessenger extends Messenger {
  calls: Call[];
  /** Failures to throw, in order, before answering normally again. */
  failNext(...errors: Error[]): void;
  /** Every call fails with `error` until `heal()`. */
  breakWith(error: Error): void;
  heal(): void;
  /** Makes the next call wait until the returned function is called. */
  holdNext(): () => void;
  /** Resolves once the call held by `holdNext()` has reached the messenger. */
  heldCallArrived(): Promise<void>;
}

/** The text a test asserts on: a card's title, or the plain text. */
export function titleOf(reply: Reply): string {
  return reply.kind === "card"
    ? reply.card.title
    : reply.kind === "text"
      ? spansToPlain(reply.spans)
      : reply.form.title;
}

const PROFILES = { console: CONSOLE_PROFILE, slack: SLACK_PROFILE, teams: TEAMS_PROFILE };

/** Builds a scripted messenger for a platform, with that platform's real profile (its rate windows). */
export function scriptedMessenger(platform: PlatformName): ScriptedMessenger {
  const calls: Call[] = [];
  const queue: Error[] = [];
  let broken: Error | undefined;
  let hold: Promise<void> | undefined;
  let arrived: (() => void) | undefined;
  let arrival: Promise<void> = Promise.resolve();
  let counter = 0;
  async function answer(call: Call): Promise<{ messageId: string; threadId: string }> {
    if (hold) {
      const waiting = hold;
      hold = undefined;
      arrived?.();
      await waiting;
    }
    const error = broken ?? queue.shift();
    if (error) throw error;
    calls.push(call);
    counter += 1;
    return { messageId: `m${counter}`, threadId: call.op === "reply" ? (call.ref ?? "") : `m${counter}` };
  }
  return {
    profile: PROFILES[platform],
    calls,
    failNext: (...errors) => queue.push(...errors),
    breakWith: (error) => (broken = error),
    heal: () => (broken = undefined),
    holdNext() {
      let release = () => {};
      hold = new Promise<void>((resolve) => (release = resolve));
      arrival = new Promise<void>((resolve) => (arrived = resolve));
      return release;
    },
    heldCallArrived: () => arrival,
    post: (t, reply) => answer({ op: "post", conversationId: t.conversationId, text: titleOf(reply) }),
    reply: (t, threadId, reply) =>
      answer({ op: "reply", conversationId: t.conversationId, ref: threadId, text: titleOf(reply) }),
    update: async (t, messageId, reply) => {
      await answer({ op: "update", conversationId: t.conversationId, ref: messageId, text: titleOf(reply) });
    },
    dm: async (_w, userId, reply) => ({
      ...(await answer({ op: "dm", conversationId: userId, text: titleOf(reply) })),
      conversationId: `D-${userId}`,
    }),
  };
}

/** A 429 with Retry-After, as Messengers report it. */
export const rateLimited = (ms: number) => new DeliveryError("429 too many requests", false, ms);
/** A 5xx. */
export const serverError = () => new DeliveryError("503 service unavailable", false);
/** A refusal that will never succeed. */
export const refused = () => new DeliveryError("invalid_blocks", true);
/** The channel is gone (archived, bot removed). */
export const gone = () => new DeliveryError("channel_not_found", true, undefined, true);
