/**
 * The `/secops` slash command: ack at once, then resolve the person and mentions, run the core,
 * and answer through response_url (ephemeral or in_channel) or open the command's modal.
 */
import type { App } from "@slack/bolt";
import { textReply } from "../../src/core/reply.js";
import { conversationRef, rememberChannel, type SlackContext } from "./context.js";
import { SLACK_CAPABILITIES } from "./profile.js";
import { answerAfterAck, deliverReply, type ReplyTarget } from "./deliver.js";
import { deliverFile } from "./files.js";
import { openForm } from "./forms.js";
import { MAX_MENTIONS, parseCommandText } from "./parse.js";

/** The slash command's name (a `-suffix`, e.g. /secops-dev for a second install, is accepted too). */
export const SLASH_COMMAND = /^\/secops(-[a-z0-9-]+)?$/;

/** Registers the slash command listener. */
export function registerCommand(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    await ack();
    const target: ReplyTarget = {
      client,
      userId: command.user_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
    };
    await answerAfterAck(ctx, "command", "while answering", target, async () => {
      const parsed = parseCommandText(command.text ?? "");
      if (parsed.userIds.length > MAX_MENTIONS) {
        await deliverReply(target, textReply(`Mention at most ${MAX_MENTIONS} people in one command.`), ctx.log);
        return;
      }
      const [actor, mentions] = await Promise.all([
        ctx.directory.identity(client, command.team_id, command.user_id, command.user_name),
        ctx.directory.mentions(client, command.team_id, parsed.userIds, parsed.labels),
      ]);
      const conversation = conversationRef(command.team_id, command.channel_id, command.channel_name);
      await rememberChannel(ctx, conversation, command.team_id, command.channel_name);
      const text = parsed.text.trim() || "help";
      const reply = await ctx.bot.handle({
        kind: "command",
        text,
        actor,
        conversation,
        mentions,
        capabilities: SLACK_CAPABILITIES,
      });
      if (reply.kind === "form") {
        const origin = {
          value: reply.form.value,
          channelId: command.channel_id,
          responseUrl: command.response_url,
          replace: false,
        };
        await openForm(client, command.trigger_id, reply, origin, target, ctx.log, ctx.seal);
        return;
      }
      await deliverReply(target, reply, ctx.log);
      if (reply.file) await deliverFile(client, command.channel_id, command.user_id, reply.file, ctx.log);
    });
  });
}
