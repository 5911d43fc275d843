/** Finding a task named in a command and checking the actor may change it. */
import type { CommandContext } from "../../src/core/command.js";
import { TASK_ID } from "../../src/domain/plan.js";
import { hasRole } from "../../src/domain/roles.js";
import type { Task } from "../../src/domain/task.js";
import { forbidden, notFound, usageError } from "../../src/errors.js";

/** The task a word names, or a clear error for a malformed, unknown or removed id (`restore` passes `removed`). */
export function findTask(ctx: CommandContext, word: string | undefined, o: { removed?: boolean } = {}): Task {
  if (!word) throw usageError("Missing the task id (like S1-2).");
  if (!TASK_ID.test(word))
    throw usageError(`"${word.slice(0, 40)}" is not a task id; ids look like S1-2, INV-1, RDY-3 or GOV-2.`);
  const task = ctx.services.tasks.get(ctx.workspace, word);
  if (!task) throw notFound(`There is no task ${word.toUpperCase()}; \`tasks\` lists them.`);
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
