/** The burn-up chart: tasks completed so far at the end of each of the last weeks, against the plan's total. */
import { renderSvg, type Chart } from "./render.js";
import { COLOURS, svgDocument, svgLegend, svgText } from "./svg.js";

/** One week: its first day and the counts at its end. */
export interface BurnupWeek {
  weekStart: string;
  completed: number;
  scope: number;
}

const WIDTH = 720;
const HEIGHT = 340;
const LEFT = 56;
const RIGHT = 24;
const TOP = 64;
const BOTTOM = 52;

/** The alt text with every week's numbers. */
export function burnupAlt(weeks: readonly BurnupWeek[]): string {
  const rows = weeks.map((w) => `week of ${w.weekStart}: ${w.completed} of ${w.scope} done`);
  return `Burn-up of completed tasks over ${weeks.length} weeks. ${rows.join("; ")}.`;
}

/** Draws completed (line with points) and scope (dashed) per week. */
export async function burnupChart(weeks: readonly BurnupWeek[]): Promise<Chart> {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.scope, w.completed)));
  const x = (i: number) => LEFT + (weeks.length <= 1 ? plotW / 2 : (plotW * i) / (weeks.length - 1));
  const y = (n: number) => TOP + plotH - (plotH * n) / max;
  const parts = [
    svgText(16, 26, "Completed tasks, last 12 weeks", { size: 17, weight: 700 }),
    svgLegend(16, 50, [
      { label: "completed", colour: COLOURS.done },
      { label: "all tasks", colour: COLOURS.muted },
    ]),
  ];
  for (const n of [0, Math.round(max / 2), max]) {
    parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(n)}" y2="${y(n)}" stroke="${COLOURS.grid}"/>`);
    parts.push(svgText(LEFT - 8, y(n) + 4, String(n), { size: 11, fill: COLOURS.muted, anchor: "end" }));
  }
  const line = (pick: (w: BurnupWeek) => number) =>
    weeks.map((w, i) => `${x(i).toFixed(1)},${y(pick(w)).toFixed(1)}`).join(" ");
  parts.push(
    `<polyline points="${line((w) => w.scope)}" fill="none" stroke="${COLOURS.muted}" stroke-width="2" stroke-dasharray="6 4"/>`,
  );
  parts.push(`<polyline points="${line((w) => w.completed)}" fill="none" stroke="${COLOURS.done}" stroke-width="3"/>`);
  weeks.forEach((w, i) => {
    parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(w.completed).toFixed(1)}" r="3.5" fill="${COLOURS.done}"/>`);
    if (i % 2 === weeks.length % 2 || i === weeks.length - 1)
      parts.push(
        svgText(x(i), HEIGHT - BOTTOM + 20, w.weekStart.slice(5), { size: 11, fill: COLOURS.muted, anchor: "middle" }),
      );
  });
  const last = weeks[weeks.length - 1];
  if (last)
    parts.push(svgText(WIDTH - RIGHT, 26, `${last.completed} of ${last.scope} done`, { size: 13, anchor: "end" }));
  return { title: "Burn-up", ...(await renderSvg(svgDocument(WIDTH, HEIGHT, parts))), alt: burnupAlt(weeks) };
}
