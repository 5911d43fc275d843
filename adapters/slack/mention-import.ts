/**
 * `import` from a file shared in a channel with a mention of the bot (app_mention carries the message's files;
 * a slash command never carries any). The file is read with files.info and downloaded like a modal's upload,
 * then previewed by the core exactly as `import` with a file; the preview goes to the sharer alone.
 * A mention without a file, or with other words, gets a hint: commands are typed with /secops.
 */
import type { App } from "@slack/bolt";
import type { IncomingFile } from "../../src/core/incoming.js";
import { textReply } from "../../src/core/reply.js";
import { conversationRef, rememberChannel, type SlackContext } from "./context.js";
import { SLACK_CAPABILITIES } from "./profile.js";
import { answerAfterAck, deliverReply, type ReplyTarget } from "./deliver.js";
import { downloadHosts, readSlackFiles, SlackFileError } from "./files.js";

/** A mention's words once the leading mention of the bot is taken off. */
export function mentionWords(text: string): string {
  return text.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>\s*/, "").trim();
}

/** Registers the app_mention listener. */
export function registerMentionImport(app: App, ctx: SlackContext): void {
  app.event("app_mention", async ({ event, body, client }) => {
    const userId = event.user;
    if (!userId || event.bot_id) return;
    const teamId = body.team_id;
    const target: ReplyTarget = { client, userId, channelId: event.channel };
    const words = mentionWords(event.text ?? "").toLowerCase();
    const fileIds = (event.files ?? []).map((f) => f.id).filter((id) => /^F[A-Z0-9]{2,30}$/.test(id));
    await answerAfterAck(ctx, "mention", "with that file", target, async () => {
      if (fileIds.length === 0 || (words !== "" && words !== "import")) {
        await deliverReply(
          target,
          textReply(
            "Commands are typed with ",
            { code: "/secops" },
            " (try ",
            { code: "/secops help" },
            "). To import a workbook or CSV, share it here with a mention of me and the word import.",
          ),
          ctx.log,
        );
        return;
      }
      let files: IncomingFile[];
      try {
        files = await readSlackFiles(client, fileIds, downloadHosts(ctx.seal), ctx.log);
      } catch (err) {
        if (!(err instanceof SlackFileError)) throw err;
        await deliverReply(target, textReply(err.forPerson), ctx.log);
        return;
      }
      const actor = await ctx.directory.identity(client, teamId, userId);
      const conversation = conversationRef(teamId, event.channel);
      await rememberChannel(ctx, conversation, teamId);
      const reply = await ctx.bot.handle({
        kind: "command",
        text: "import",
        files,
        actor,
        conversation,
        mentions: {},
        capabilities: SLACK_CAPABILITIES,
      });
      await deliverReply(target, reply, ctx.log);
    });
  });
}
