/**
 * Modal submissions (view_submission): the modal closes at once, then its inputs run as the form's
 * neutral action. Picked users become `@U…` tokens with their identities in `mentions`, uploaded files
 * (file_input) are read with files.info and downloaded; the core checks the submitter's role again as
 * for any action. The answer goes where the modal came from (replacing the task card for Reassign).
 */
import type { App, ViewSubmitAction } from "@slack/bolt";
import { textReply, type Reply } from "../../src/core/reply.js";
import { conversationRef, homeConversation, type SlackContext } from "./context.js";
import { SLACK_CAPABILITIES } from "./profile.js";
import { answerAfterAck, deliverReply, type ReplyTarget } from "./deliver.js";
import { downloadHosts, readSlackFiles, SlackFileError } from "./files.js";
import { decodeOrigin, readSubmission } from "./modal.js";
import type { IncomingFile } from "../../src/core/incoming.js";

/** Registers one listener for every modal the adapter opens. */
export function registerSubmissions(app: App, ctx: SlackContext): void {
  app.view<ViewSubmitAction>({ type: "view_submission" }, async ({ body, view, ack, client }) => {
    await ack();
    const origin = decodeOrigin(view.private_metadata, ctx.seal);
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const target: ReplyTarget = {
      client,
      userId: body.user.id,
      ...(origin.channelId ? { channelId: origin.channelId } : {}),
      ...(origin.responseUrl ? { responseUrl: origin.responseUrl } : {}),
      replace: origin.replace,
      sourceEphemeral: origin.ephemeral === true,
    };
    await answerAfterAck(ctx, "submission", "with that form", target, async () => {
      const { inputs, people, files: fileIds } = readSubmission(view.state.values);
      let files: IncomingFile[] = [];
      try {
        files = fileIds.length ? await readSlackFiles(client, fileIds, downloadHosts(ctx.seal), ctx.log) : [];
      } catch (err) {
        if (!(err instanceof SlackFileError)) throw err;
        await deliverReply({ ...target, replace: false }, textReply(err.forPerson), ctx.log);
        return;
      }
      const [actor, mentions] = await Promise.all([
        ctx.directory.identity(client, teamId, body.user.id, body.user.name),
        ctx.directory.mentions(client, teamId, [...new Set(Object.values(people))]),
      ]);
      for (const [field, userId] of Object.entries(people)) inputs[field] = `@${userId}`;
      const conversation = origin.channelId
        ? conversationRef(teamId, origin.channelId)
        : homeConversation(teamId, body.user.id);
      const capabilities = { ...SLACK_CAPABILITIES, forms: false };
      const reply: Reply = await ctx.bot.handle({
        kind: "action",
        actionId: view.callback_id,
        value: origin.value,
        inputs,
        ...(files.length ? { files } : {}),
        actor,
        conversation,
        mentions,
        capabilities,
      });
      await deliverReply(target, reply, ctx.log);
    });
  });
}
