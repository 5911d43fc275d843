/**
 * The `/secops` slash command. Slack shows a message sent in the acknowledgement at once, so an answer
 * ready within the budget goes in the ack body; slower work acks empty and answers through response_url
 * (ephemeral or in_channel). A form acks empty and opens its modal; a file follows the acked answer.
 */
import type { App, webApi } from "@slack/bolt";
import { textReply, type Reply } from "../../src/core/reply.js";
import { conversationRef, rememberChannel, type SlackContext } from "./context.js";
import { SLACK_CAPABILITIES } from "./profile.js";
import { deliverReply, slackMessage, type ReplyTarget } from "./deliver.js";
import { deliverFile } from "./files.js";
import { openForm } from "./forms.js";
import { MAX_MENTIONS, parseCommandText } from "./parse.js";

/** The slash command's name (a `-suffix`, e.g. /secops-dev for a second install, is accepted too). */
export const SLASH_COMMAND = /^\/secops(-[a-z0-9-]+)?$/;

/**
 * How long an answer may take and still go in the ack body: Slack waits 3 s for the ack, and the
 * rest is headroom for the network and a busy event loop.
 */
export const ACK_ANSWER_BUDGET_MS = 2000;

/** The fields of a slash command payload the listener reads. */
interface SlashCommand {
  text?: string;
  user_id: string;
  user_name?: string;
  team_id: string;
  channel_id: string;
  channel_name?: string;
  response_url: string;
  trigger_id: string;
}

/** Registers the slash command listener; `budgetMs` 0 always answers after an empty ack. */
export function registerCommand(app: App, ctx: SlackContext, budgetMs = ACK_ANSWER_BUDGET_MS): void {
  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    const target: ReplyTarget = {
      client,
      userId: command.user_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
    };
    let acked = false;
    const acknowledge = async (reply?: Reply) => {
      acked = true;
      await ack(reply ? slackMessage(reply) : undefined);
    };
    await ctx.later(
      "command",
      async () => {
        const pending = answer(ctx, command, client);
        const quick = budgetMs > 0 ? await within(pending, budgetMs) : undefined;
        const inAck = quick !== undefined && quick.kind !== "form";
        await acknowledge(inAck ? quick : undefined);
        const reply = quick ?? (await pending);
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
        if (!inAck) await deliverReply(target, reply, ctx.log);
        if (reply.file) await deliverFile(client, command.channel_id, command.user_id, reply.file, ctx.log);
      },
      async (ref) => {
        const failure = textReply(`Something went wrong while answering (ref ${ref}).`);
        if (!acked) await acknowledge(failure);
        else await deliverReply(target, failure, ctx.log);
      },
    );
  });
}

/** Resolves the person and mentions, remembers the channel and runs the core. */
async function answer(ctx: SlackContext, command: SlashCommand, client: webApi.WebClient): Promise<Reply> {
  const parsed = parseCommandText(command.text ?? "");
  if (parsed.userIds.length > MAX_MENTIONS) return textReply(`Mention at most ${MAX_MENTIONS} people in one command.`);
  const [actor, mentions] = await Promise.all([
    ctx.directory.identity(client, command.team_id, command.user_id, command.user_name),
    ctx.directory.mentions(client, command.team_id, parsed.userIds, parsed.labels),
  ]);
  const conversation = conversationRef(command.team_id, command.channel_id, command.channel_name);
  await rememberChannel(ctx, conversation, command.team_id, command.channel_name);
  return ctx.bot.handle({
    kind: "command",
    text: parsed.text.trim() || "help",
    actor,
    conversation,
    mentions,
    capabilities: SLACK_CAPABILITIES,
  });
}

/** The value of `work` when it settles within `ms`, else undefined (a rejection within `ms` is thrown). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
