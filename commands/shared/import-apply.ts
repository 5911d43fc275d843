/** Applies a stored import: every change recorded in the history as made by the importer, naming the file. */
import type { CommandContext } from "../../src/app/command.js";
import type { ImportChange } from "../../src/imports/preview.js";
import type { PendingImport } from "../../src/storage/repositories/import-repository.js";
import type { TaskChange } from "../../src/storage/repositories/task-repository.js";
import { statusLabel } from "../../src/domain/task.js";

/** Applies every change of `pending` in order; returns how many tasks were added and changed. */
export async function applyImport(
  ctx: CommandContext,
  pending: PendingImport,
): Promise<{ added: number; changed: number }> {
  const { services, workspace, actor, now } = ctx;
  const note = `imported from ${pending.fileName}`;
  const record = async (taskId: string, action: string, oldValue: string | null, newValue: string | null) =>
    services.audit.record({
      workspace,
      entityType: "task",
      entityId: taskId,
      actorId: actor.id,
      actorName: actor.displayName,
      action,
      oldValue,
      newValue,
      note,
      at: now,
    });
  let added = 0;
  let changed = 0;
  for (const change of pending.changes as ImportChange[]) {
    let taskId = change.taskId;
    if (change.kind === "add") {
      taskId = await services.tasks.addCustom(workspace, change.area, "Team tasks", change.title, now);
      await record(taskId, "added", null, change.title);
      added++;
    } else changed++;
    const task = await services.tasks.get(workspace, taskId);
    if (!task) continue;
    const update: TaskChange = {};
    if (change.owner !== undefined) {
      update.ownerId = change.owner?.id ?? null;
      await record(taskId, change.owner ? "assigned" : "unassigned", task.ownerName, change.owner?.name ?? null);
    }
    if (change.dueDate !== undefined) {
      update.dueDate = change.dueDate;
      await record(taskId, "due date", task.dueDate, change.dueDate);
    }
    if (change.skipReason !== undefined && change.skipReason !== task.skipReason) {
      update.skipReason = change.skipReason;
      await record(taskId, change.skipReason === null ? "unskipped" : "skipped", task.skipReason, change.skipReason);
    }
    if (change.status !== undefined && change.status !== task.status) {
      update.status = change.status;
      update.completedAt = change.status === "done" ? now.toISOString() : null;
      await record(taskId, "status", statusLabel(task.status), statusLabel(change.status));
    }
    if (Object.keys(update).length) await services.tasks.update(workspace, taskId, update, now);
  }
  return { added, changed };
}
