/**
 * The words of `tasks` that narrow the list, combined: an area (S2), a person (mine, @dana) and states
 * (open, overdue, blocked, done, unassigned, skipped, removed). `tasks S2 open @dana`, `tasks mine overdue`.
 */
import type { CommandContext } from "../../src/app/command.js";
import { parseAreaId } from "../../src/domain/plan.js";
import { usageError } from "../../src/errors.js";
import type { TaskFilter } from "../../src/storage/repositories/task-repository.js";

/** The filter words, for errors and help. */
export const FILTER_WORDS = ["mine", "open", "overdue", "blocked", "done", "unassigned", "skipped", "removed"] as const;

/** A parsed filter and the title of its list. */
export interface ParsedFilter {
  title: string;
  filter: TaskFilter;
}

const STATE_TITLES: Record<string, string> = {
  open: "Open",
  overdue: "Overdue",
  blocked: "Blocked",
  done: "Done",
  unassigned: "Unassigned",
  skipped: "Skipped",
  removed: "Removed",
};

function applyState(word: string, filter: TaskFilter, day: string): void {
  if (word === "open") filter.status = "open";
  else if (word === "overdue") filter.overdueBefore = day;
  else if (word === "blocked" || word === "done") filter.status = word;
  else if (word === "unassigned") filter.unassigned = true;
  else if (word === "skipped") filter.skipped = true;
  else filter.removed = true;
}

/** Reads every word as one more condition; an unknown word is refused with the list of filters. */
export async function parseTaskFilter(
  ctx: CommandContext,
  words: readonly string[],
  day: string,
): Promise<ParsedFilter> {
  const filter: TaskFilter = {};
  const states: string[] = [];
  let whose: string | undefined;
  let area: string | undefined;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === "mine") {
      filter.ownerId = ctx.actor.id;
      whose = "Your";
    } else if (word.startsWith("@")) {
      const person = await ctx.person(word, { create: false });
      filter.ownerId = person.id;
      whose = `${person.displayName}'s`;
    } else if (lower in STATE_TITLES) {
      applyState(lower, filter, day);
      states.push(STATE_TITLES[lower] ?? lower);
    } else {
      area = parseAreaId(ctx.services.plan, word);
      if (!area)
        throw usageError(
          `"${word.slice(0, 40)}" is not a filter; use ${FILTER_WORDS.join(", ")}, @person or an area such as S2.`,
        );
      filter.area = area;
    }
  }
  const state = states.join(", ");
  const head = whose ? `${whose}${state ? ` ${state.toLowerCase()}` : ""} tasks` : `${state || "All"} tasks`;
  return { title: `${head}${area ? ` in ${area}` : ""}`, filter };
}
