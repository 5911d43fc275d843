/**
 * The stage progress chart: one stacked bar per area (done, in progress, blocked, skipped, not started), last
 * week's level marked. Skipped (not applicable) tasks keep their share of the bar but leave the percentage.
 */
import { renderSvg, type Chart } from "./render.js";
import { clip, COLOURS, svgDocument, svgLegend, svgRect, svgText } from "./svg.js";

export interface AreaStatusCounts {
  id: string;
  name: string;
  done: number;
  inProgress: number;
  blocked: number;
  /** Not applicable (skipped): counted apart from the others, whatever their status. */
  skipped: number;
  notStarted: number;
}

const WIDTH = 720;
const LABEL = 230;
const BAR = 340;
const ROW = 30;
const TOP = 64;

/** The tasks that count: all but the skipped ones. */
function total(a: AreaStatusCounts): number {
  return a.done + a.inProgress + a.blocked + a.notStarted;
}

function percent(done: number, all: number): number {
  return all === 0 ? 0 : Math.round((100 * done) / all);
}

/** The alt text: every area's numbers, in the chart's order. */
export function progressAlt(areas: readonly AreaStatusCounts[]): string {
  const rows = areas.map(
    (a) =>
      `${a.id} ${a.name}: ${a.done} of ${total(a)} done (${percent(a.done, total(a))}%), ${a.inProgress} in progress, ${a.blocked} blocked, ${a.skipped} skipped, ${a.notStarted} not started`,
  );
  return `Stage progress. ${rows.join("; ")}.`;
}

/** Draws the chart; `previousDone` marks each area's done count a week ago. */
export async function progressChart(
  areas: readonly AreaStatusCounts[],
  previousDone?: ReadonlyMap<string, number>,
): Promise<Chart> {
  const height = TOP + areas.length * ROW + 16;
  const parts = [
    svgText(16, 26, "Stage progress", { size: 17, weight: 700 }),
    svgLegend(16, 50, [
      { label: "done", colour: COLOURS.done },
      { label: "in progress", colour: COLOURS.inProgress },
      { label: "blocked", colour: COLOURS.blocked },
      { label: "skipped", colour: COLOURS.skipped },
      { label: "not started", colour: COLOURS.notStarted },
    ]),
  ];
  areas.forEach((a, i) => {
    const y = TOP + i * ROW;
    const all = total(a);
    const drawn = all + a.skipped;
    parts.push(svgText(16, y + 19, clip(`${a.id} ${a.name}`, 30), { size: 13 }));
    parts.push(svgRect(LABEL, y + 5, BAR, ROW - 10, COLOURS.track));
    let x = LABEL;
    for (const [n, colour] of [
      [a.done, COLOURS.done],
      [a.inProgress, COLOURS.inProgress],
      [a.blocked, COLOURS.blocked],
      [a.skipped, COLOURS.skipped],
      [a.notStarted, COLOURS.notStarted],
    ] as const) {
      const w = drawn === 0 ? 0 : (BAR * n) / drawn;
      parts.push(svgRect(x, y + 5, w, ROW - 10, colour));
      x += w;
    }
    const before = previousDone?.get(a.id);
    if (before !== undefined && drawn > 0)
      parts.push(svgRect(LABEL + Math.min(BAR - 2, (BAR * before) / drawn), y + 1, 2, ROW - 2, COLOURS.mark));
    parts.push(svgText(LABEL + BAR + 12, y + 19, `${a.done}/${all} · ${percent(a.done, all)}%`, { size: 13 }));
  });
  return { title: "Stage progress", ...(await renderSvg(svgDocument(WIDTH, height, parts))), alt: progressAlt(areas) };
}
