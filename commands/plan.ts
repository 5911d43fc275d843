/** `plan [strategy|ready|adopt|govern|resources]`: the adoption cycle with where the team stands, or one part of the guidance. */
import { defineCommand } from "../src/app/command.js";
import { cardReply, type Reply } from "../src/core/reply.js";
import { usageError } from "../src/errors.js";
import { blockedSection } from "./shared/blocked-section.js";
import { adoptCard, governCard, overviewCard, readyCard, resourcesCard, strategyCard } from "./shared/plan-views.js";
import { areaProgress } from "./shared/progress.js";
import { today } from "./shared/today.js";

const VIEWS = ["strategy", "ready", "adopt", "govern", "resources"] as const;

/** Shows the whole program at a glance, or one phase of the guidance; readable by anyone. */
export const planCommand = defineCommand({
  name: "plan",
  summary: "Phases and stages with % done, stakeholders; or one part of the guidance",
  usage: "plan [strategy | ready | adopt | govern | resources]",
  minRole: "none",
  details: [
    "plan strategy: the motivations and the objectives-and-outcomes tables.",
    "plan ready: the Ready checklist and what SecOps team leads can do then.",
    "plan adopt / plan govern: those phases' elements and progress.",
    "plan resources: related articles, the Cloud Adoption Framework and the tracking resources.",
  ],
  async run(ctx, args): Promise<Reply> {
    const view = args.next()?.toLowerCase();
    if (view !== undefined && !VIEWS.includes(view as (typeof VIEWS)[number]))
      throw usageError(`Unexpected "${view}": use one of ${VIEWS.join(", ")}.`);
    args.end();
    const { plan, guidance } = ctx.services;
    const tasks = await ctx.services.tasks.all(ctx.workspace);
    const progress = areaProgress(plan, tasks, today(ctx));
    const area = (id: string) => progress.find((p) => p.id === id);
    if (view === "strategy") return cardReply(strategyCard(guidance));
    if (view === "ready") return cardReply(readyCard(guidance, area("RDY")));
    if (view === "adopt") return cardReply(adoptCard(guidance, progress));
    if (view === "govern") return cardReply(governCard(guidance, area("GOV")));
    if (view === "resources") return cardReply(resourcesCard(guidance));
    return cardReply(
      overviewCard(
        guidance,
        progress,
        await ctx.services.stakeholders.all(ctx.workspace),
        blockedSection(tasks, today(ctx)),
      ),
    );
  },
});
