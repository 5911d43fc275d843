/** `digest preview`: this conversation's weekly digest as it would look now, shown to the requester only. */
import { defineCommand } from "../src/app/command.js";
import { cardReply, type Span } from "../src/core/reply.js";
import { describeSchedule } from "../src/digest/schedule.js";
import { isoWeek } from "../src/domain/working-time.js";
import { composeDigest } from "../src/digest/compose.js";
import { DIGEST_KIND, readSchedule } from "../src/digest/deliver.js";
import { usageError } from "../src/errors.js";

/** Builds the digest now without saving a snapshot or sending anything. */
export const digestCommand = defineCommand({
  name: "digest",
  summary: "Preview this conversation's weekly digest (only you see it)",
  usage: "digest preview",
  minRole: "analyst",
  async run(ctx, args) {
    const word = args.required("what to do, like preview");
    if (word.toLowerCase() !== "preview")
      throw usageError(`"${word.slice(0, 40)}" is not a digest action; use preview.`);
    args.end();
    const { conversation, capabilities } = ctx.incoming;
    const sub = (
      await ctx.services.subscriptions.forConversation({
        workspace: ctx.workspace,
        platform: conversation.platform,
        id: conversation.id,
      })
    ).find((s) => s.kind === DIGEST_KIND);
    const schedule = sub ? readSchedule(sub.settings) : undefined;
    const timezone = schedule?.timezone ?? ctx.actor.timezone;
    const target = { workspace: ctx.workspace, platform: conversation.platform, conversationId: conversation.id };
    const { card } = await composeDigest(ctx.services, {
      target,
      timezone,
      week: isoWeek(ctx.now, timezone),
      now: ctx.now,
      images: capabilities.images,
    });
    const when: Span[] = schedule
      ? [`Preview, only for you: this conversation gets it every ${describeSchedule(schedule)}.`]
      : [
          "Preview, only for you: this conversation is not subscribed; ",
          { code: "subscribe digest" },
          " sends it weekly.",
        ];
    return cardReply({ ...card, blocks: [{ type: "context", spans: when }, ...card.blocks] }, "requester");
  },
});
