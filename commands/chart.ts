/** `chart progress|burnup|incidents`: one chart on demand, with alt text that states the same numbers. */
import { burnupChart } from "../src/charts/burnup-chart.js";
import { incidentsChart } from "../src/charts/incidents-chart.js";
import { progressChart } from "../src/charts/progress-chart.js";
import { chartDataUri, type Chart } from "../src/charts/render.js";
import { defineCommand, type CommandContext } from "../src/app/command.js";
import { cardReply, type Reply } from "../src/core/reply.js";
import { areaStatusCounts, burnupWeeks, incidentWeeks } from "../src/reports/series.js";
import { usageError } from "../src/errors.js";

const KINDS = ["progress", "burnup", "incidents"] as const;

/** Draws the named chart from live data. */
export async function drawChart(ctx: CommandContext, kind: (typeof KINDS)[number]): Promise<Chart> {
  const tasks = await ctx.services.tasks.all(ctx.workspace);
  if (kind === "progress") return progressChart(areaStatusCounts(ctx.services, tasks));
  if (kind === "burnup") return burnupChart(burnupWeeks(tasks, ctx.now));
  return incidentsChart(await incidentWeeks(ctx.services, ctx.workspace, ctx.now));
}

/** Shows a chart as an image where the platform shows images, and always its numbers as text. */
export const chartCommand = defineCommand({
  name: "chart",
  summary: "A chart: stage progress, 12-week burn-up, or incidents per week",
  usage: "chart progress | burnup | incidents",
  minRole: "analyst",
  async run(ctx, args): Promise<Reply> {
    const word = args.required("the chart (progress, burnup or incidents)").toLowerCase();
    const kind = KINDS.find((k) => k === word);
    if (!kind) throw usageError(`"${word}" is not a chart: use progress, burnup or incidents.`);
    args.end();
    const chart = await drawChart(ctx, kind);
    return cardReply({
      title: chart.title,
      blocks: [
        ...(ctx.incoming.capabilities.images
          ? [{ type: "image" as const, alt: chart.alt, dataUri: chartDataUri(chart) }]
          : []),
        { type: "context", spans: [chart.alt] },
      ],
    });
  },
});
