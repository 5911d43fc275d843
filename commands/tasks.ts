/** `tasks [mine | @person | S2 | overdue | open | done | unassigned]`: a filtered task list. */
import { defineCommand, type CommandContext } from "../src/core/command.js";
import { cardReply } from "../src/core/reply.js";
import { parseAreaId } from "../src/domain/plan.js";
import { isOverdue, type Task } from "../src/domain/task.js";
import { usageError } from "../src/errors.js";
import { taskRow } from "./shared/task-views.js";
import { today } from "./shared/today.js";

const FILTER_WORDS = ["mine", "overdue", "open", "done", "unassigned"] as const;

function filterFor(ctx: CommandContext, word: string | undefined, day: string): { title: string; keep: (t: Task) => boolean } {
  if (word === undefined) return { title: "All tasks", keep: () => true };
  const lower = word.toLowerCase();
  if (lower === "mine") return { title: "Your tasks", keep: (t) => t.ownerId === ctx.actor.id };
  if (lower === "overdue") return { title: "Overdue tasks", keep: (t) => isOverdue(t, day) };
  if (lower === "open") return { title: "Open tasks", keep: (t) => t.status !== "done" };
  if (lower === "done") return { title: "Done tasks", keep: (t) => t.status === "done" };
  if (lower === "unassigned") return { title: "Unassigned tasks", keep: (t) => t.ownerId === null && t.status !== "done" };
  if (word.startsWith("@")) {
    const person = ctx.person(word);
    return { title: `Tasks of ${person.displayName}`, keep: (t) => t.ownerId === person.id };
  }
  const area = parseAreaId(ctx.services.plan, word);
  if (area) return { title: `Tasks in ${area}`, keep: (t) => t.area === area };
  throw usageError(`"${word.slice(0, 40)}" is not a filter; use ${FILTER_WORDS.join(", ")}, @person or an area such as S2.`);
}

/** Lists tasks with id, title, owner, due date and status. */
export const tasksCommand = defineCommand({
  name: "tasks",
  summary: "List tasks: all, mine, @person, an area (S1…S4, INV, RDY, GOV), overdue, open, done, unassigned",
  usage: "tasks [mine | @person | S2 | overdue | open | done | unassigned]",
  minRole: "analyst",
  run(ctx, args) {
    const day = today(ctx);
    const filter = filterFor(ctx, args.next(), day);
    args.end();
    const shown = ctx.services.tasks.all(ctx.workspace).filter(filter.keep);
    return cardReply({
      title: filter.title,
      subtitle: `${shown.length} task${shown.length === 1 ? "" : "s"}`,
      blocks: [{ type: "list", items: shown.map((t) => taskRow(t, day)), empty: "No tasks match." }],
    });
  },
});
