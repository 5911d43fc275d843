/** `subscribe <kind> …`: this conversation gets a feed (weekly digest, incident threads, …). */
import { defineCommand } from "../src/app/command.js";
import { cardReply, type Block } from "../src/core/reply.js";
import { hasRole, roleRequirement } from "../src/domain/roles.js";
import { forbidden, usageError } from "../src/errors.js";
import { findKind, subscriptionKinds } from "./subscriptions/registry.js";

/** Saves the subscription (replacing an earlier one of the same kind) and confirms it. */
export const subscribeCommand = defineCommand({
  name: "subscribe",
  summary: "Subscribe this conversation to a feed: " + "digest, incidents",
  usage: "subscribe <digest|incidents> [settings]",
  minRole: "analyst",
  async run(ctx, args) {
    const word = args.required("what to subscribe to");
    const kind = findKind(word);
    if (!kind)
      throw usageError(
        `"${word.slice(0, 40)}" is not a feed; use ${subscriptionKinds.map((k) => k.name).join(" or ") || "none yet"}.`,
      );
    if (!hasRole(ctx.actor.role, kind.minRole))
      throw forbidden(`Subscribing to ${kind.name} needs ${roleRequirement(kind.minRole)}.`);
    const settings = await kind.parse(ctx, args);
    args.end();
    const { conversation } = ctx.incoming;
    await ctx.services.subscriptions.put(
      {
        workspace: ctx.workspace,
        platform: conversation.platform,
        conversationId: conversation.id,
        kind: kind.name,
        settings,
        createdBy: ctx.actor.id,
      },
      ctx.now,
    );
    const extra: Block[] = (await kind.afterSubscribe?.(ctx, settings)) ?? [];
    return cardReply(
      { title: `Subscribed to ${kind.name}`, blocks: [{ type: "text", spans: [kind.describe(settings)] }, ...extra] },
      "conversation",
    );
  },
});
