/**
 * The `tasks` list, short enough for a phone: one line per task (id, short title, owner, due date,
 * status mark), grouped by area with each area's count, at most 25 lines, then how to see more.
 */
import type { CommandContext } from "../../src/app/command.js";
import { cardReply, type Block, type Reply } from "../../src/core/reply.js";
import { shortDate } from "../../src/domain/dates.js";
import { blockedFacts, blockedFor } from "../../src/digest/facts.js";
import { isOverdue, type Task } from "../../src/domain/task.js";
import type { ParsedFilter } from "./task-filter.js";

/** Lines of the list (area headings included) before "…and N more". */
export const LIST_LINES = 25;

/** Longest title shown in a list line. */
const TITLE_CHARS = 42;

const MARKS: Record<Task["status"], string> = { open: "○", in_progress: "◐", blocked: "⛔", done: "✓" };

/** "S1-2  Turn on Defender for Office… · dana · Fri 4 Dec · ◐" */
export function taskListLine(task: Task, today: string): string {
  const title = task.title.length > TITLE_CHARS ? `${task.title.slice(0, TITLE_CHARS - 1)}…` : task.title;
  const due = task.dueDate ? shortDate(task.dueDate, today) : "no date";
  const mark =
    task.skipReason !== null
      ? `skipped: ${task.skipReason}`
      : `${MARKS[task.status]}${isOverdue(task, today) ? " late" : ""}`;
  const blocked = blockedFacts([task], today)[0];
  const why = blocked ? ` ${blockedFor(blocked.daysBlocked)}: ${blocked.reason.slice(0, 60)}` : "";
  return `${task.id}  ${title} · ${task.ownerName ?? "—"} · ${due} · ${mark}${why}`;
}

/** Builds one page from `offset`; `words` are the filter words the Next button repeats. */
export async function taskListing(
  ctx: CommandContext,
  parsed: ParsedFilter,
  words: readonly string[],
  offset: number,
  today: string,
): Promise<Reply> {
  const { tasks, byArea } = await ctx.services.tasks.page(ctx.workspace, parsed.filter, offset, LIST_LINES);
  const total = [...byArea.values()].reduce((a, b) => a + b, 0);
  const blocks: Block[] = [];
  let lines = 0;
  let shown = 0;
  let area: string | undefined;
  let items: { label: string }[] = [];
  for (const task of tasks) {
    const heading = task.area !== area;
    if (lines + (heading ? 2 : 1) > LIST_LINES) break;
    if (heading) {
      if (items.length) blocks.push({ type: "list", items });
      items = [];
      area = task.area;
      const name = ctx.services.plan.areas.find((a) => a.id === task.area)?.name ?? task.area;
      blocks.push({ type: "text", spans: [{ bold: `${task.area} ${name} (${byArea.get(task.area) ?? 0})` }] });
      lines++;
    }
    items.push({ label: taskListLine(task, today) });
    lines++;
    shown++;
  }
  if (items.length) blocks.push({ type: "list", items });
  if (total === 0) blocks.push({ type: "text", spans: ["No tasks match."] });
  const left = total - offset - shown;
  if (left > 0) {
    blocks.push(
      {
        type: "context",
        spans: [`…and ${left} more — `, { code: "tasks S2" }, ", ", { code: "tasks mine" }, ", or the Next button"],
      },
      {
        type: "actions",
        actions: [
          { kind: "button", actionId: "tasks.next", label: "Next", value: [offset + shown, ...words].join(" ") },
        ],
      },
    );
  }
  const range = offset > 0 || left > 0 ? `, ${offset + 1}–${offset + shown} shown` : "";
  return cardReply({ title: parsed.title, subtitle: `${total} task${total === 1 ? "" : "s"}${range}`, blocks });
}
