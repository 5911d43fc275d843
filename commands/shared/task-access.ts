/** Finding a task named in a command and checking the actor may change it. */
import type { CommandContext } from "../../src/app/command.js";
import { TASK_ID } from "../../src/domain/plan.js";
import { canonicalTaskId, nearTaskId } from "../../src/domain/task-id.js";
import type { Args } from "../../src/core/args.js";
import { hasRole } from "../../src/domain/roles.js";
import type { Task } from "../../src/domain/task.js";
import { forbidden, notFound, usageError } from "../../src/errors.js";

/**
 * The task a word names (S1-07 is S1-7), or a clear error for a malformed, near-miss ("did you mean
 * S1-2?"), unknown or removed id. `next` is the word after it (for `s1 2`); `restore` passes `removed`.
 */
export async function findTask(
  ctx: CommandContext,
  word: string | undefined,
  o: { removed?: boolean; next?: string } = {},
): Promise<Task> {
  if (!word) throw usageError("Missing the task id (like S1-2).");
  const id = TASK_ID.test(word) ? canonicalTaskId(word) : undefined;
  const near = id ? undefined : nearTaskId(word, o.next);
  if (near) throw usageError(`"${word.slice(0, 40)}" is not a task id; did you mean ${near}?`);
  if (!id) throw usageError(`"${word.slice(0, 40)}" is not a task id; ids look like S1-2, INV-1, RDY-3 or GOV-2.`);
  const task = await ctx.services.tasks.get(ctx.workspace, id);
  if (!task) throw notFound(`There is no task ${id}; \`tasks\` lists them.`);
  if (task.removedAt !== null && !o.removed)
    throw usageError(`${task.id} was removed; \`restore ${task.id}\` brings it back.`);
  return task;
}

/** Leads and admins change any task; analysts only the tasks they own. */
export function requireTaskEditor(ctx: CommandContext, task: Task): void {
  if (hasRole(ctx.actor.role, "lead")) return;
  if (task.ownerId === ctx.actor.id) return;
  throw forbidden(`Only ${task.id}'s owner, a lead or an admin may change it.`);
}

/** Reads the next word as a task id, looking at the word after it for near misses like `s1 2`. */
export function readTask(ctx: CommandContext, args: Args, o: { removed?: boolean } = {}): Promise<Task> {
  const word = args.next();
  const next = args.peek();
  return findTask(ctx, word, { ...o, ...(next !== undefined ? { next } : {}) });
}
