/**
 * What every Slack listener shares: the core, services, the people directory, and `later`, which
 * runs work after the ack so it is tracked (for idle/stop) and can never crash the process.
 */
import { randomBytes } from "node:crypto";
import type { Bot } from "../../src/core/bot.js";
import type { Capabilities, ConversationRef } from "../../src/core/incoming.js";
import type { Services } from "../../src/core/services.js";
import type { Logger } from "../../src/logger.js";
import type { ConversationRepository } from "../../src/storage/repositories/conversation-repository.js";
import { conversationKind, workspaceOf } from "./parse.js";
import type { OriginSeal } from "./origin-seal.js";
import type { SlackDirectory } from "./people.js";

/** What Slack can do for the core: ephemeral replies, modals, threads, in-place updates; no data-URI images. */
export const SLACK_CAPABILITIES: Capabilities = {
  ephemeral: true,
  forms: true,
  threads: true,
  updateInPlace: true,
  images: false,
  fileInput: true,
};

/** Shared state of the Slack listeners. */
export interface SlackContext {
  bot: Bot;
  services: Services;
  log: Logger;
  directory: SlackDirectory;
  conversations: ConversationRepository;
  /** Seals modal metadata and limits where a stored response_url may point. */
  seal: OriginSeal;
  /** Runs `work` after the ack; failures are logged with a ref and handed to `onError` (to tell the person). */
  later(what: string, work: () => Promise<void>, onError?: (ref: string) => Promise<void>): Promise<void>;
  /** Resolves when every piece of work started so far has finished. */
  idle(): Promise<void>;
}

/** Builds the shared context with its in-flight tracking. */
export function createContext(
  bot: Bot,
  services: Services,
  log: Logger,
  directory: SlackDirectory,
  seal: OriginSeal,
): SlackContext {
  const running = new Set<Promise<void>>();
  const later: SlackContext["later"] = (what, work, onError) => {
    const run = (async () => {
      try {
        await work();
      } catch (err) {
        const ref = randomBytes(3).toString("hex");
        log.error({ err, ref, what }, "Slack request failed after the ack");
        if (onError)
          await onError(ref).catch((e: unknown) => log.error({ err: e, ref }, "could not report the failure"));
      }
    })();
    running.add(run);
    return run.finally(() => running.delete(run));
  };
  return {
    bot,
    services,
    log,
    directory,
    seal,
    conversations: services.conversations,
    later,
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** The core's view of a Slack conversation. */
export function conversationRef(teamId: string, channelId: string, channelName?: string): ConversationRef {
  return {
    platform: "slack",
    workspace: workspaceOf(teamId),
    id: channelId,
    kind: conversationKind(channelId, channelName),
  };
}

/** The conversation of something that happens outside any channel (the Home tab, a modal opened there). */
export function homeConversation(teamId: string, userId: string): ConversationRef {
  return { platform: "slack", workspace: workspaceOf(teamId), id: `home:${userId}`, kind: "personal" };
}

/** Saves a channel the bot was used in, so digests and threads can be posted there later. */
export async function rememberChannel(
  ctx: SlackContext,
  ref: ConversationRef,
  teamId: string,
  name?: string,
): Promise<void> {
  if (!/^[CGD][A-Z0-9]+$/.test(ref.id)) return;
  const cleanName = name && !["directmessage", "privategroup"].includes(name) ? name.slice(0, 200) : undefined;
  try {
    await ctx.conversations.remember(
      {
        workspace: ref.workspace,
        platform: "slack",
        id: ref.id,
        kind: ref.kind,
        reference: { teamId, channelId: ref.id },
        ...(cleanName ? { name: cleanName } : {}),
      },
      ctx.services.clock(),
    );
  } catch (err) {
    ctx.log.warn({ err, channel: ref.id }, "could not save the conversation");
  }
}
