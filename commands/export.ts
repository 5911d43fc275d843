/** `export workbook | csv [tasks|audit] [since <date>] | slides`: the tracking workbook, CSV for auditors, the leaders' slides. */
import { defineCommand, type CommandContext } from "../src/app/command.js";
import { textReply, withFile, type OutgoingFile, type Reply } from "../src/core/reply.js";
import { usageError } from "../src/errors.js";
import { auditCsv, tasksCsv } from "../src/reports/csv.js";
import { loadTrackingData } from "../src/reports/tracking-data.js";
import { today } from "./shared/today.js";

/** MIME types of what the bot exports. */
export const MIME = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  csv: "text/csv",
} as const;

function file(name: string, mimeType: string, bytes: Buffer, title: string): OutgoingFile {
  return { name, mimeType, base64: bytes.toString("base64"), title };
}

/** `since <YYYY-MM-DD>`, or undefined. */
function since(ctx: CommandContext, word: string | undefined, date: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  if (word.toLowerCase() !== "since" || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw usageError('Expected "since YYYY-MM-DD".');
  if (date > today(ctx)) throw usageError(`${date} is in the future.`);
  return date;
}

async function exportCsv(ctx: CommandContext, what: string, from: string | undefined): Promise<Reply> {
  const data = await loadTrackingData(ctx.services, ctx.workspace, ctx.now);
  const stamp = today(ctx);
  if (what === "audit") {
    const events = from ? data.audit.filter((e) => e.at >= `${from}T00:00:00`) : data.audit;
    const reply = textReply(`Audit log: ${events.length} changes${from ? ` since ${from}` : ""}.`);
    return withFile(
      reply,
      file(`secops-audit-${stamp}.csv`, MIME.csv, Buffer.from(auditCsv(events)), "Audit log (CSV)"),
    );
  }
  const tasks = from ? data.tasks.filter((t) => t.lastChange >= `${from}T00:00:00`) : data.tasks;
  const reply = textReply(`Tasks: ${tasks.length} rows${from ? ` changed since ${from}` : ""}.`);
  return withFile(reply, file(`secops-tasks-${stamp}.csv`, MIME.csv, Buffer.from(tasksCsv(tasks)), "Tasks (CSV)"));
}

/** Builds the file and attaches it to a one-line reply; each platform delivers the file its own way. */
export const exportCommand = defineCommand({
  name: "export",
  summary: "The tracking workbook (.xlsx), CSV for auditors, or the leaders' slides (.pptx)",
  usage: "export workbook | csv [tasks | audit] [since <YYYY-MM-DD>] | slides",
  minRole: "analyst",
  details: [
    "workbook: tasks (stage, objective, id, owner, due date, status, % of objective, last change, notes), summary, stakeholders, 12 weeks of incidents, audit.",
    "Edit owners, due dates and statuses in Excel and send it back with `import`.",
  ],
  async run(ctx, args): Promise<Reply> {
    const what = args.required("what to export (workbook, csv or slides)").toLowerCase();
    if (what === "csv") {
      const next = args.peek()?.toLowerCase();
      const kind = next === "tasks" || next === "audit" ? (args.next(), next) : "tasks";
      const from = since(ctx, args.next(), args.next());
      args.end();
      return exportCsv(ctx, kind, from);
    }
    args.end();
    const data = await loadTrackingData(ctx.services, ctx.workspace, ctx.now);
    if (what === "workbook") {
      const { buildWorkbook } = await import("../src/reports/workbook.js");
      const bytes = await buildWorkbook(data);
      const reply = textReply(`Tracking workbook: ${data.tasks.length} tasks, ${data.audit.length} changes, 5 sheets.`);
      return withFile(reply, file(`secops-tracking-${today(ctx)}.xlsx`, MIME.xlsx, bytes, "Tracking workbook"));
    }
    if (what === "slides") {
      const { buildSlides } = await import("../src/reports/slides.js");
      const bytes = await buildSlides(data);
      const reply = textReply("Adoption tracker slides: stages and objectives, and incidents.");
      return withFile(reply, file(`secops-adoption-${today(ctx)}.pptx`, MIME.pptx, bytes, "Adoption tracker slides"));
    }
    throw usageError(`"${what}" cannot be exported: use workbook, csv or slides.`);
  },
});
