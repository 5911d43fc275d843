/** The shared rule behind start, block, done and reopen (commands and buttons alike). */
import type { CommandContext } from "../../src/app/command.js";
import type { Reply } from "../../src/core/reply.js";
import { statusLabel, type Task, type TaskStatus } from "../../src/domain/task.js";
import { usageError } from "../../src/errors.js";
import { changeTask } from "../../src/tasks/change-task.js";
import { requireTaskEditor } from "./task-access.js";
import { blockRecipients } from "../../src/notifications/task-notices.js";
import { changedTaskReply } from "./change-replies.js";
import { today } from "./today.js";

/** Moves a task to `status` after checking the actor may, recording the note; a no-op move is refused. */
export async function setStatus(ctx: CommandContext, task: Task, status: TaskStatus, note: string): Promise<Reply> {
  requireTaskEditor(ctx, task);
  if (task.status === status) throw usageError(`${task.id} is already ${statusLabel(status)}.`);
  if (note.length > 500) throw usageError("The note is longer than 500 characters.");
  if (task.status === "done" && status !== "open")
    throw usageError(`${task.id} is done; \`reopen ${task.id}\` first if there is more to do.`);
  if (status === "blocked" && !note)
    throw usageError(`Say what blocks ${task.id}, like: block ${task.id} waiting for licences.`);
  const updated = await changeTask(
    ctx,
    task,
    {
      status,
      completedAt: status === "done" ? ctx.now.toISOString() : null,
      blockedReason: status === "blocked" ? note : null,
      blockedAt: status === "blocked" ? ctx.now.toISOString() : null,
    },
    { action: "status", oldValue: statusLabel(task.status), newValue: statusLabel(status), ...(note ? { note } : {}) },
  );
  const areaLeads = status === "blocked" ? await ctx.services.areaLeads.ofArea(ctx.workspace, task.area) : [];
  const told = blockRecipients(await ctx.services.people.all(ctx.workspace), areaLeads).filter(
    (p) => p.id !== ctx.actor.id && p.id !== task.ownerId,
  );
  const whoTold =
    told.length === 0 ? "" : areaLeads.length ? ` (${task.area}'s leads are told)` : " (the leads are told)";
  return changedTaskReply(updated, confirmation(task.id, status, note, whoTold), today(ctx));
}

function confirmation(id: string, status: TaskStatus, note: string, whoTold: string): string {
  if (status === "blocked") return `${id} blocked: ${note}${whoTold}`;
  if (status === "done") return `${id} done ✓`;
  if (status === "in_progress") return `${id} started`;
  return `${id} reopened`;
}
