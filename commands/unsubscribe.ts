/** `unsubscribe <kind>`: stops a feed in this conversation. */
import { defineCommand } from "../src/app/command.js";
import { announce } from "../src/core/reply.js";
import { hasRole, roleRequirement } from "../src/domain/roles.js";
import { forbidden, usageError } from "../src/errors.js";
import { findKind, subscriptionKinds } from "./subscriptions/registry.js";

/** Removes the conversation's subscription of that kind. */
export const unsubscribeCommand = defineCommand({
  name: "unsubscribe",
  summary: "Stop a feed in this conversation",
  usage: "unsubscribe <digest|incidents>",
  minRole: "analyst",
  async run(ctx, args) {
    const word = args.required("what to unsubscribe from");
    const kind = findKind(word);
    if (!kind)
      throw usageError(
        `"${word.slice(0, 40)}" is not a feed; use ${subscriptionKinds.map((k) => k.name).join(" or ") || "none yet"}.`,
      );
    args.end();
    if (!hasRole(ctx.actor.role, kind.minRole))
      throw forbidden(`Unsubscribing from ${kind.name} needs ${roleRequirement(kind.minRole)}.`);
    const { conversation } = ctx.incoming;
    if (
      !(await ctx.services.subscriptions.remove(
        { workspace: ctx.workspace, platform: conversation.platform, id: conversation.id },
        kind.name,
      ))
    ) {
      throw usageError(`This conversation is not subscribed to ${kind.name}.`);
    }
    return announce(`Unsubscribed from ${kind.name}.`);
  },
});
