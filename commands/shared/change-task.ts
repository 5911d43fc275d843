/** Applies one change to a task and records it in the history, atomically. */
import type { CommandContext } from "../../src/core/command.js";
import type { Task } from "../../src/domain/task.js";
import type { TaskChange } from "../../src/storage/repositories/task-repository.js";

/** What the history shows for a change. */
export interface ChangeRecord {
  action: string;
  oldValue: string | null;
  newValue: string | null;
  note?: string;
}

/** Writes the change and its audit row in one transaction, then returns the task as it is now. */
export async function changeTask(
  ctx: CommandContext,
  task: Task,
  change: TaskChange,
  record: ChangeRecord,
): Promise<Task> {
  const { services, workspace, actor, now } = ctx;
  await services.storage.unitOfWork(async (tx) => {
    await tx.tasks.update(workspace, task.id, change, now);
    await tx.audit.record({
      workspace,
      entityType: "task",
      entityId: task.id,
      actorId: actor.id,
      actorName: actor.displayName,
      action: record.action,
      oldValue: record.oldValue,
      newValue: record.newValue,
      note: record.note ?? null,
      at: now,
    });
  });
  const updated = await services.tasks.get(workspace, task.id);
  if (!updated) throw new Error(`task ${task.id} vanished`);
  return updated;
}
