/**
 * The leaders' slides in the manner of the guidance's adoption tracker slide, written by pptxgenjs: the four
 * stages with their objectives coloured by status, owners' names and the month's change; then the incident numbers.
 */
import pptxModule from "pptxgenjs";
import { incidentsChart, hours, weekTotal } from "../charts/incidents-chart.js";
import { applicable, type ProgressRow, type TrackingData } from "./tracking-data.js";

/** pptxgenjs's class: its types describe CommonJS, its ESM build exports the class as default; both are handled. */
type PptxClass = typeof pptxModule.default;
const PptxGenJS = ((pptxModule as unknown as { default?: PptxClass }).default ?? pptxModule) as PptxClass;
type Pptx = InstanceType<PptxClass>;

/** An objective's overall state, as the slide colours it. */
export type ObjectiveState = "Done" | "Blocked" | "In progress" | "Not started" | "Not applicable";

/** The slide's colour for each state (hex without #). */
export const STATE_COLOURS: Record<ObjectiveState, string> = {
  Done: "2563EB",
  Blocked: "DC2626",
  "In progress": "F59E0B",
  "Not started": "CBD5E1",
  "Not applicable": "C4B5FD",
};

/** Not applicable when every task is skipped; done when every other task is; blocked when any is; in progress when any has started. */
export function objectiveState(o: ProgressRow): ObjectiveState {
  if (o.total > 0 && o.skipped === o.total) return "Not applicable";
  if (applicable(o) > 0 && o.done === applicable(o)) return "Done";
  if (o.blocked > 0) return "Blocked";
  return o.done + o.inProgress > 0 ? "In progress" : "Not started";
}

/** Tasks marked done since the first of the month, per stage name. */
export function doneThisMonth(data: TrackingData): Map<string, number> {
  const monthStart = `${data.generatedAt.toISOString().slice(0, 7)}-01`;
  const stageOf = new Map(data.tasks.map((t) => [t.taskId, t.stage]));
  const counts = new Map<string, number>();
  for (const e of data.audit) {
    if (e.entityType !== "task" || e.action !== "status" || e.newValue !== "done" || e.at < monthStart) continue;
    const stage = stageOf.get(e.entityId);
    if (stage) counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return counts;
}

function stagesSlide(pptx: Pptx, data: TrackingData): void {
  const slide = pptx.addSlide();
  const month = data.generatedAt.toISOString().slice(0, 7);
  slide.addText("Implement threat protection and XDR: adoption progress", {
    x: 0.4,
    y: 0.2,
    w: 12.5,
    h: 0.5,
    fontSize: 22,
    bold: true,
  });
  slide.addText(`As of ${data.generatedAt.toISOString().slice(0, 10)}`, {
    x: 0.4,
    y: 0.7,
    w: 6,
    h: 0.3,
    fontSize: 11,
    color: "64748B",
  });
  const change = doneThisMonth(data);
  const stages = ["Stage 1", "Stage 2", "Stage 3", "Stage 4"];
  stages.forEach((stage, i) => {
    const x = 0.4 + i * 3.15;
    const rows = data.objectives.filter((o) => o.stage === stage);
    const done = rows.reduce((a, o) => a + o.done, 0);
    const total = rows.reduce((a, o) => a + applicable(o), 0);
    slide.addText(stage, { x, y: 1.1, w: 3, h: 0.4, fontSize: 16, bold: true });
    slide.addText(`${done}/${total} done · +${change.get(stage) ?? 0} in ${month}`, {
      x,
      y: 1.45,
      w: 3,
      h: 0.3,
      fontSize: 10,
      color: "334155",
    });
    rows.forEach((o, j) => {
      const state = objectiveState(o);
      const owners = [
        ...new Set(
          data.tasks.filter((t) => t.stage === stage && t.objective === o.objective && t.owner).map((t) => t.owner),
        ),
      ];
      slide.addText(
        [
          { text: o.objective, options: { bold: true, fontSize: 11, breakLine: true } },
          {
            text: `${state} · ${o.done}/${applicable(o)}${o.skipped && state !== "Not applicable" ? ` · ${o.skipped} not applicable` : ""}`,
            options: { fontSize: 9, breakLine: true },
          },
          {
            text: owners.length ? owners.join(", ") : "no owner",
            options: { fontSize: 9, italic: owners.length === 0 },
          },
        ],
        {
          x,
          y: 1.9 + j * 1.6,
          w: 3,
          h: 1.45,
          fill: { color: STATE_COLOURS[state] },
          color: state === "Done" || state === "Blocked" ? "FFFFFF" : "1E293B",
          valign: "top",
          margin: 6,
        },
      );
    });
  });
  (Object.keys(STATE_COLOURS) as ObjectiveState[]).forEach((state, i) =>
    slide.addText(state, {
      x: 0.4 + i * 1.3,
      y: 6.95,
      w: 1.2,
      h: 0.3,
      fontSize: 9,
      fill: { color: STATE_COLOURS[state] },
      color: "1E293B",
      align: "center",
    }),
  );
  const named = data.stakeholders.filter((s) => s.people.length).map((s) => `${s.role}: ${s.people.join(", ")}`);
  if (named.length) slide.addText(named.join("   ·   "), { x: 7, y: 6.95, w: 6, h: 0.3, fontSize: 8, color: "64748B" });
}

async function incidentsSlide(pptx: Pptx, data: TrackingData): Promise<void> {
  const slide = pptx.addSlide();
  slide.addText("Incidents, last 12 weeks", { x: 0.4, y: 0.2, w: 12.5, h: 0.5, fontSize: 22, bold: true });
  const header = ["Week of", "New", "High", "Medium", "Low", "Resolved", "MTTA", "MTTR", "Honeypot"];
  const rows = data.incidents.map((w) => [
    w.weekStart,
    String(weekTotal(w)),
    String(w.bySeverity.high ?? 0),
    String(w.bySeverity.medium ?? 0),
    String(w.bySeverity.low ?? 0),
    String(w.resolved),
    hours(w.mttaMinutes),
    hours(w.mttrMinutes),
    String(w.honeypotTouches),
  ]);
  slide.addTable(
    [
      header.map((text) => ({ text, options: { bold: true, fill: { color: "E2E8F0" } } })),
      ...rows.map((r) => r.map((text) => ({ text }))),
    ],
    { x: 0.4, y: 0.9, w: 6.4, fontSize: 9, border: { type: "solid", pt: 0.5, color: "CBD5E1" } },
  );
  const chart = await incidentsChart(data.incidents);
  slide.addImage({
    data: `image/png;base64,${chart.png.toString("base64")}`,
    x: 7,
    y: 0.9,
    w: 6,
    h: (6 * chart.height) / chart.width,
    altText: chart.alt,
  });
}

/** Builds the deck's bytes: slide 1 the stages, slide 2 the incidents. */
export async function buildSlides(data: TrackingData): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = "Threat protection and XDR adoption tracker";
  stagesSlide(pptx, data);
  await incidentsSlide(pptx, data);
  return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
}
