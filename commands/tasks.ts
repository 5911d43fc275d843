/** `tasks [mine | @person | S2 | overdue | open | blocked | done | unassigned]`: a filtered task list. */
import { defineCommand, type CommandContext } from "../src/core/command.js";
import { cardReply } from "../src/core/reply.js";
import { parseAreaId } from "../src/domain/plan.js";
import type { TaskFilter } from "../src/storage/repositories/task-repository.js";
import { usageError } from "../src/errors.js";
import { taskRow } from "./shared/task-views.js";
import { today } from "./shared/today.js";

const FILTER_WORDS = ["mine", "overdue", "open", "blocked", "done", "unassigned"] as const;

/** Rows listed before "…and N more": more than any platform shows, few enough to answer fast on any plan size. */
const LIST_CAP = 100;

function filterFor(ctx: CommandContext, word: string | undefined, day: string): { title: string; filter: TaskFilter } {
  if (word === undefined) return { title: "All tasks", filter: {} };
  const lower = word.toLowerCase();
  if (lower === "mine") return { title: "Your tasks", filter: { ownerId: ctx.actor.id } };
  if (lower === "overdue") return { title: "Overdue tasks", filter: { overdueBefore: day } };
  if (lower === "open") return { title: "Open tasks", filter: { status: "open" } };
  if (lower === "blocked") return { title: "Blocked tasks", filter: { status: "blocked" } };
  if (lower === "done") return { title: "Done tasks", filter: { status: "done" } };
  if (lower === "unassigned") return { title: "Unassigned tasks", filter: { unassigned: true, status: "open" } };
  if (word.startsWith("@")) {
    const person = ctx.person(word);
    return { title: `Tasks of ${person.displayName}`, filter: { ownerId: person.id } };
  }
  const area = parseAreaId(ctx.services.plan, word);
  if (area) return { title: `Tasks in ${area}`, filter: { area } };
  throw usageError(
    `"${word.slice(0, 40)}" is not a filter; use ${FILTER_WORDS.join(", ")}, @person or an area such as S2.`,
  );
}

/** Lists tasks with id, title, owner, due date and status. */
export const tasksCommand = defineCommand({
  name: "tasks",
  summary: "List tasks: all, mine, @person, an area (S1…S4, INV, RDY, GOV), overdue, open, blocked, done, unassigned",
  usage: "tasks [mine | @person | S2 | overdue | open | blocked | done | unassigned]",
  minRole: "analyst",
  run(ctx, args) {
    const day = today(ctx);
    const filter = filterFor(ctx, args.next(), day);
    args.end();
    const { tasks, total } = ctx.services.tasks.list(ctx.workspace, filter.filter, LIST_CAP);
    return cardReply({
      title: filter.title,
      subtitle:
        `${total} task${total === 1 ? "" : "s"}` +
        (total > tasks.length ? "; narrow the list with tasks mine, tasks overdue or tasks S2" : ""),
      blocks: [
        {
          type: "list",
          items: tasks.map((t) => taskRow(t, day)),
          empty: "No tasks match.",
          more: total - tasks.length,
        },
      ],
    });
  },
});
