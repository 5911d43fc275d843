/** Applies one change to a task, records it in the history and queues the notices it causes, atomically. */
import type { CommandContext } from "../app/command.js";
import { todayIn } from "../domain/dates.js";
import type { Task } from "../domain/task.js";
import { noticeOutboxItems } from "../notifications/notice-outbox.js";
import { taskNotices } from "../notifications/task-notices.js";
import type { TaskChange } from "../storage/repositories/task-repository.js";

/** What the history shows for a change. */
export interface ChangeRecord {
  action: string;
  oldValue: string | null;
  newValue: string | null;
  note?: string;
}

/**
 * Writes the change, its audit row and the notices to the people it concerns (new and previous
 * owner, leads on a block, the owner when someone else changed their task) in one transaction,
 * then returns the task as it is now.
 */
export async function changeTask(
  ctx: CommandContext,
  task: Task,
  change: TaskChange,
  record: ChangeRecord,
): Promise<Task> {
  const { services, workspace, actor, now } = ctx;
  const people = await services.people.all(workspace);
  const ownerId = change.ownerId === undefined ? task.ownerId : change.ownerId;
  const ownerName = people.find((p) => p.id === ownerId)?.displayName ?? null;
  const expected: Task = { ...task, ...change, ownerId, ownerName };
  const blocking = task.status !== "blocked" && expected.status === "blocked";
  const notices = taskNotices({
    before: task,
    after: expected,
    actor,
    people,
    ...(blocking ? { areaLeads: await services.areaLeads.ofArea(workspace, task.area) } : {}),
    today: todayIn(actor.timezone, now),
    ...(record.note ? { note: record.note } : {}),
  });
  const items = noticeOutboxItems(notices, {
    workspace,
    platform: ctx.incoming.conversation.platform,
    taskId: task.id,
    now,
  });
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
    for (const item of items) await tx.outbox.enqueue(item, now);
  });
  const updated = await services.tasks.get(workspace, task.id);
  if (!updated) throw new Error(`task ${task.id} vanished`);
  return updated;
}
