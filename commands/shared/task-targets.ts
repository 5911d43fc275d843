/**
 * The tasks a bulk command names at the front of its arguments: one or more task ids
 * (`S1-2 S1-3 S1-5`) and areas (`S2`, meaning every open task of the area). A named task that is
 * done or skipped is refused with the way out; an area's done and skipped tasks are left alone and
 * reported.
 */
import type { Args } from "../../src/core/args.js";
import type { CommandContext } from "../../src/app/command.js";
import { TASK_ID, parseAreaId } from "../../src/domain/plan.js";
import { nearTaskId } from "../../src/domain/task-id.js";
import { hasRole, roleRequirement } from "../../src/domain/roles.js";
import { isOpenWork, type Task } from "../../src/domain/task.js";
import { forbidden, usageError } from "../../src/errors.js";
import { findTask } from "./task-access.js";

/** What the command acts on, and what it left alone. */
export interface Targets {
  tasks: Task[];
  /** Done tasks of a named area, left alone. */
  doneLeftAlone: Task[];
  /** True when an area was named (a lead's bulk change). */
  byArea: boolean;
}

/** Refuses a named task that is done or skipped, saying how to go on. */
export function requireOpenWork(task: Task): void {
  if (task.status === "done")
    throw usageError(`${task.id} is done; \`reopen ${task.id}\` first if there is more to do.`);
  if (task.skipReason !== null)
    throw usageError(`${task.id} is skipped (${task.skipReason}); \`unskip ${task.id}\` first.`);
}

function isTarget(ctx: CommandContext, word: string | undefined): boolean {
  return (
    word !== undefined &&
    (TASK_ID.test(word) || parseAreaId(ctx.services.plan, word) !== undefined || nearTaskId(word) !== undefined)
  );
}

/** Reads the targets; the first word must be one (with the usual errors), later ones while they look like ids. */
export async function readTargets(ctx: CommandContext, args: Args): Promise<Targets> {
  const picked = new Map<string, Task>();
  const doneLeftAlone: Task[] = [];
  let byArea = false;
  let first = true;
  while (first || isTarget(ctx, args.peek())) {
    const word = args.next();
    const area = word ? parseAreaId(ctx.services.plan, word) : undefined;
    const following = args.peek();
    if (area && following !== undefined && /^\d{1,4}$/.test(following))
      throw usageError(`"${word} ${following}" is not a task id; did you mean ${area}-${Number(following)}?`);
    if (area) {
      if (!hasRole(ctx.actor.role, "lead"))
        throw forbidden(`Changing a whole area needs ${roleRequirement("lead")}; your role is ${ctx.actor.role}.`);
      byArea = true;
      for (const task of (await ctx.services.tasks.all(ctx.workspace)).filter((t) => t.area === area)) {
        if (isOpenWork(task)) picked.set(task.id, task);
        else if (task.status === "done") doneLeftAlone.push(task);
      }
    } else {
      const task = await findTask(ctx, word, following !== undefined ? { next: following } : {});
      requireOpenWork(task);
      picked.set(task.id, task);
    }
    first = false;
  }
  if (picked.size === 0) throw usageError("No open task matches; done and skipped tasks are left alone.");
  return { tasks: [...picked.values()], doneLeftAlone, byArea };
}
