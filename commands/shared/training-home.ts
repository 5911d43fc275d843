/** The training part of the personal home view (Slack App Home): up to three suggestions with their buttons. */
import type { Block } from "../../src/core/reply.js";
import { suggestionsBody } from "../../src/training/suggestion-card.js";
import { currentSuggestions } from "../../src/training/suggestions.js";
import type { HomeSection } from "./home.js";

/** Suggestions for the viewer (team members only); showing them records the offer so their buttons act for the viewer. */
export const trainingSection: HomeSection = async (ctx) => {
  if (ctx.actor.role === "none") return [];
  const list = await currentSuggestions(ctx.services, ctx.actor, ctx.now, { limit: 3, perGap: 2, maxGaps: 2 });
  await ctx.services.training.recordOffers(
    ctx.workspace,
    ctx.actor.id,
    list.map((s) => s.moduleId),
    ctx.now,
  );
  const head: Block[] = [{ type: "divider" }, { type: "text", spans: [{ bold: "Training for your gaps" }] }];
  if (list.length === 0)
    return [...head, { type: "text", spans: ["No gaps right now; ", { code: "skills" }, " shows your ratings."] }];
  return [...head, ...suggestionsBody(list)];
};
