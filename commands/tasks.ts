/** `tasks [S2] [mine | @person] [open | overdue | blocked | done | unassigned | skipped | removed]`: a short task list. */
import { defineCommand } from "../src/app/command.js";
import { FILTER_WORDS, parseTaskFilter } from "./shared/task-filter.js";
import { taskListing } from "./shared/task-listing.js";
import { today } from "./shared/today.js";

/** Lists tasks one line each, grouped by area, filters combined. */
export const tasksCommand = defineCommand({
  name: "tasks",
  summary: "List tasks; filters combine: tasks S2 open @dana, tasks mine overdue",
  usage: "tasks [area] [mine | @person] [open | overdue | blocked | done | unassigned | skipped | removed]",
  minRole: "analyst",
  details: [
    `Filters: ${FILTER_WORDS.join(", ")}, @person, or an area (S1…S4, INV, RDY, GOV); combine any of them.`,
    "Marks: ○ open, ◐ in progress, ⛔ blocked, ✓ done; late = overdue. 25 lines a page, then the Next button.",
  ],
  async run(ctx, args) {
    const day = today(ctx);
    const words: string[] = [];
    while (!args.done()) words.push(args.required("a filter"));
    return taskListing(ctx, await parseTaskFilter(ctx, words, day), words, 0, day);
  },
});
