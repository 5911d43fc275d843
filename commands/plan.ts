/** `plan`: the adoption cycle, each stage's % done and overdue count, and who sponsors what. */
import { defineCommand } from "../src/core/command.js";
import { cardReply, type Block } from "../src/core/reply.js";
import { blockedSection } from "./shared/blocked-section.js";
import { areaProgress } from "./shared/progress.js";
import { today } from "./shared/today.js";

/** Shows the whole program at a glance; readable by anyone. */
export const planCommand = defineCommand({
  name: "plan",
  summary: "Phases and stages with % done and overdue tasks",
  usage: "plan",
  minRole: "none",
  async run(ctx, args) {
    args.end();
    const { plan } = ctx.services;
    const tasks = await ctx.services.tasks.all(ctx.workspace);
    const progress = areaProgress(plan, tasks, today(ctx));
    const blocks: Block[] = [
      { type: "text", spans: [{ bold: "Phases: " }, plan.phases.map((p) => p.name).join(" → ")] },
      ...progress.map((p): Block => ({
        type: "progress",
        label: `${p.id} ${p.name}`,
        done: p.done,
        total: p.total,
        ...(p.overdue ? { note: `${p.overdue} overdue` } : {}),
      })),
      ...blockedSection(tasks, today(ctx)),
      { type: "divider" },
      {
        type: "facts",
        facts: plan.stakeholders.map((s) => ({ label: s.role, value: `${s.who}: ${s.accountability}` })),
      },
    ];
    return cardReply({ title: "Threat protection and XDR adoption plan", blocks });
  },
});
