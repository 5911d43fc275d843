/** `team skills`: for leads, each member's self-rated skills against their role's needs, and uncovered stage needs. */
import { defineCommand } from "../src/app/command.js";
import { cardReply, type Block } from "../src/core/reply.js";
import { usageError } from "../src/errors.js";
import { loadTeamCoverage, type CoverageRow, type TeamCoverage } from "../src/training/coverage.js";

function rowItem(row: CoverageRow): { label: string; detail: string } {
  const cells = row.cells.map((c) => `${c.skill} ${c.level ?? "–"}${c.belowNeed ? ` (needs ${c.need})` : ""}`);
  const gaps = row.cells.filter((c) => c.belowNeed).length;
  return { label: `${row.name} (${row.role})${gaps ? ` · ${gaps} below need` : ""}`, detail: cells.join(" · ") };
}

function stageBlocks(c: TeamCoverage): Block[] {
  if (c.startedStages.length === 0) return [{ type: "text", spans: ["No stage of the plan has started yet."] }];
  const started = `Started: ${c.startedStages.map((s) => `Stage ${s.slice(1)}`).join(", ")}.`;
  if (c.uncovered.length === 0)
    return [{ type: "text", spans: [started, " Every started stage's skills are covered by someone."] }];
  return [
    { type: "text", spans: [started, " ", { bold: "Nobody covers:" }] },
    {
      type: "list",
      items: c.uncovered.map((u) => ({
        label: `Stage ${u.stage.slice(1)}`,
        detail: u.skills.map((s) => c.names[s] ?? s).join(", "),
      })),
    },
  ];
}

/** Shows the team's skills matrix with gaps marked. */
export const teamCommand = defineCommand({
  name: "team",
  summary: "Show the team's skills against role needs and stage coverage",
  usage: "team skills",
  minRole: "lead",
  async run(ctx, args) {
    const sub = args.required("what to show (skills)").toLowerCase();
    if (sub !== "skills") throw usageError(`"${sub.slice(0, 40)}" is not a team view; use skills.`);
    args.end();
    const coverage = await loadTeamCoverage(ctx.services, await ctx.services.people.all(ctx.workspace), ctx.workspace);
    return cardReply({
      title: "Team skills",
      subtitle: "Self-rated 0–5; – means not rated; (needs N) marks a level below the role's need.",
      blocks: [
        {
          type: "list",
          items: coverage.rows.map(rowItem),
          empty: "Nobody on the team yet (role analyst, lead or admin).",
        },
        ...stageBlocks(coverage),
        {
          type: "context",
          spans: [`Covered means someone rated ${coverage.stageLevel} or more, or completed training in it.`],
        },
      ],
    });
  },
});
