/** Incidents per week by severity (stacked bars) with the mean time to acknowledge and to resolve (lines, in hours). */
import { renderSvg, type Chart } from "./render.js";
import { COLOURS, svgDocument, svgLegend, svgRect, svgText } from "./svg.js";

export interface IncidentWeek {
  weekStart: string;
  /** New incidents by severity (high, medium, low, informational, …). */
  bySeverity: Record<string, number>;
  resolved: number;
  mttaMinutes?: number;
  mttrMinutes?: number;
  honeypotTouches: number;
}

/** Severities bottom to top, with their colours. */
export const SEVERITIES = [
  { id: "high", colour: "#b91c1c" },
  { id: "medium", colour: "#f97316" },
  { id: "low", colour: "#facc15" },
  { id: "informational", colour: "#94a3b8" },
] as const;

const WIDTH = 720;
const HEIGHT = 360;
const LEFT = 56;
const RIGHT = 64;
const TOP = 70;
const BOTTOM = 52;

/** Hours with one decimal, or "none". */
export function hours(minutes: number | undefined): string {
  return minutes === undefined ? "none" : `${(minutes / 60).toFixed(1)} h`;
}

/** All new incidents of a week. */
export function weekTotal(w: IncidentWeek): number {
  return Object.values(w.bySeverity).reduce((a, b) => a + b, 0);
}

/** The alt text with every week's numbers. */
export function incidentsAlt(weeks: readonly IncidentWeek[]): string {
  const rows = weeks.map((w) => {
    const sev = SEVERITIES.map((s) => `${w.bySeverity[s.id] ?? 0} ${s.id}`).join(", ");
    return `week of ${w.weekStart}: ${weekTotal(w)} new (${sev}), MTTA ${hours(w.mttaMinutes)}, MTTR ${hours(w.mttrMinutes)}`;
  });
  return `Incidents per week by severity over ${weeks.length} weeks. ${rows.join("; ")}.`;
}

/** Draws the chart: counts on the left axis, hours on the right. */
export async function incidentsChart(weeks: readonly IncidentWeek[]): Promise<Chart> {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const maxCount = Math.max(1, ...weeks.map(weekTotal));
  const maxHours = Math.max(1, ...weeks.flatMap((w) => [w.mttaMinutes ?? 0, w.mttrMinutes ?? 0]).map((m) => m / 60));
  const slot = plotW / Math.max(1, weeks.length);
  const cx = (i: number) => LEFT + slot * i + slot / 2;
  const yCount = (n: number) => TOP + plotH - (plotH * n) / maxCount;
  const yHours = (h: number) => TOP + plotH - (plotH * h) / maxHours;
  const parts = [
    svgText(16, 26, "Incidents per week", { size: 17, weight: 700 }),
    svgLegend(16, 52, [
      ...SEVERITIES.map((s) => ({ label: s.id, colour: s.colour })),
      { label: "MTTA (h)", colour: COLOURS.done },
      { label: "MTTR (h)", colour: COLOURS.mark },
    ]),
  ];
  for (const n of [0, Math.round(maxCount / 2), maxCount]) {
    parts.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${yCount(n)}" y2="${yCount(n)}" stroke="${COLOURS.grid}"/>`,
    );
    parts.push(svgText(LEFT - 8, yCount(n) + 4, String(n), { size: 11, fill: COLOURS.muted, anchor: "end" }));
  }
  parts.push(
    svgText(WIDTH - RIGHT + 8, yHours(maxHours) + 4, `${maxHours.toFixed(1)} h`, { size: 11, fill: COLOURS.muted }),
  );
  weeks.forEach((w, i) => {
    let base = 0;
    for (const s of SEVERITIES) {
      const n = w.bySeverity[s.id] ?? 0;
      parts.push(svgRect(cx(i) - slot * 0.3, yCount(base + n), slot * 0.6, yCount(base) - yCount(base + n), s.colour));
      base += n;
    }
    if (i % 2 === weeks.length % 2 || i === weeks.length - 1)
      parts.push(
        svgText(cx(i), HEIGHT - BOTTOM + 20, w.weekStart.slice(5), { size: 11, fill: COLOURS.muted, anchor: "middle" }),
      );
  });
  for (const [pick, colour] of [
    [(w: IncidentWeek) => w.mttaMinutes, COLOURS.done],
    [(w: IncidentWeek) => w.mttrMinutes, COLOURS.mark],
  ] as const) {
    const points = weeks.flatMap((w, i) => {
      const m = pick(w);
      return m === undefined ? [] : [`${cx(i).toFixed(1)},${yHours(m / 60).toFixed(1)}`];
    });
    if (points.length)
      parts.push(`<polyline points="${points.join(" ")}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
  }
  return { title: "Incidents", ...(await renderSvg(svgDocument(WIDTH, HEIGHT, parts))), alt: incidentsAlt(weeks) };
}
