/** The Next button under a long `tasks` list: the next page of the same filter, as the clicker sees it. */
import { defineAction } from "../../src/app/command.js";
import { Args } from "../../src/core/args.js";
import { usageError } from "../../src/errors.js";
import { parseTaskFilter } from "../shared/task-filter.js";
import { taskListing } from "../shared/task-listing.js";
import { today } from "../shared/today.js";

/** The value is "<offset> <filter words…>"; it is parsed exactly like a typed `tasks` command. */
export const tasksNextAction = defineAction({
  id: "tasks.next",
  minRole: "analyst",
  async run(ctx, value) {
    const args = new Args(value.split(" ").filter(Boolean));
    const offset = Number(args.next());
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000)
      throw usageError("That list has moved on; run `tasks` again.");
    const words: string[] = [];
    while (!args.done()) words.push(args.required("a filter"));
    const day = today(ctx);
    return taskListing(ctx, await parseTaskFilter(ctx, words, day), words, offset, day);
  },
});
