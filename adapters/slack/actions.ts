/**
 * Button clicks (block_actions): ack at once, then run the neutral action the button names. The
 * button's value is only an entity id; the core checks the clicker's rights. A card reply replaces
 * the clicked card, a text reply (such as a refusal) goes to the clicker alone, a form opens a modal,
 * and a click on the Home tab republishes it.
 */
import type { App, BlockAction } from "@slack/bolt";
import { conversationRef, homeConversation, rememberChannel, type SlackContext } from "./context.js";
import { SLACK_CAPABILITIES } from "./profile.js";
import { answerAfterAck, deliverReply, tellPerson, type ReplyTarget } from "./deliver.js";
import { openForm } from "./forms.js";
import { publishHome } from "./home.js";
import { actionIdOf } from "./parse.js";
import { renderReply } from "./render.js";

/** Registers one listener for every button the renderer draws. */
export function registerActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction>({ type: "block_actions" }, async ({ body, action, ack, client }) => {
    await ack();
    const actionId = actionIdOf(action.action_id);
    if (!actionId) return;
    const value = "value" in action && typeof action.value === "string" ? action.value : "";
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const channelId = body.channel?.id ?? (body.container as { channel_id?: string }).channel_id;
    const container = body.container as { type?: string; message_ts?: string; is_ephemeral?: boolean };
    const onHome = container.type === "view" && body.view?.type === "home";
    const target: ReplyTarget = {
      client,
      userId: body.user.id,
      ...(channelId ? { channelId } : {}),
      ...(body.response_url ? { responseUrl: body.response_url } : {}),
      replace: true,
      sourceEphemeral: container.is_ephemeral === true,
      ...(container.message_ts && !container.is_ephemeral ? { messageTs: container.message_ts } : {}),
    };
    await answerAfterAck(ctx, "action", "with that button", target, async () => {
      const actor = await ctx.directory.identity(client, teamId, body.user.id, body.user.name);
      const conversation = channelId
        ? conversationRef(teamId, channelId, body.channel?.name)
        : homeConversation(teamId, body.user.id);
      if (channelId) await rememberChannel(ctx, conversation, teamId, body.channel?.name);
      const reply = await ctx.bot.handle({
        kind: "action",
        actionId,
        value,
        actor,
        conversation,
        mentions: {},
        capabilities: SLACK_CAPABILITIES,
      });
      if (reply.kind === "form") {
        const origin = {
          value: reply.form.value,
          ...(channelId ? { channelId } : {}),
          ...(body.response_url ? { responseUrl: body.response_url } : {}),
          replace: !onHome,
          ephemeral: target.sourceEphemeral === true,
        };
        await openForm(client, body.trigger_id, reply, origin, { ...target, replace: false }, ctx.log, ctx.seal);
      } else if (onHome) {
        if (reply.kind === "text") await tellPerson(target, renderReply(reply), ctx.log);
        await publishHome(
          ctx,
          client,
          teamId,
          body.user.id,
          reply.kind === "card" && actionId === "home.show" ? reply : undefined,
        );
      } else {
        await deliverReply(target, reply, ctx.log);
      }
    });
  });
}
