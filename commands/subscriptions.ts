/** `subscriptions`: what this conversation gets. */
import { defineCommand } from "../src/app/command.js";
import { cardReply } from "../src/core/reply.js";
import { findKind } from "./subscriptions/registry.js";

/** Lists the conversation's subscriptions with their settings. */
export const subscriptionsCommand = defineCommand({
  name: "subscriptions",
  summary: "List what this conversation is subscribed to",
  usage: "subscriptions",
  minRole: "analyst",
  async run(ctx, args) {
    args.end();
    const { conversation } = ctx.incoming;
    const list = await ctx.services.subscriptions.forConversation({
      workspace: ctx.workspace,
      platform: conversation.platform,
      id: conversation.id,
    });
    return cardReply({
      title: "Subscriptions here",
      blocks: [
        {
          type: "list",
          items: list.map((s) => ({ label: s.kind, detail: findKind(s.kind)?.describe(s.settings) ?? "" })),
          empty: "Nothing yet; try `subscribe digest`.",
        },
      ],
    });
  },
});
