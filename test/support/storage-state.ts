/**
 * Snapshots of what commands can change, read through the repositories, so a test can prove that a
 * refused command changed nothing (tasks, people, audit log, subscriptions, outbox).
 */
import type { Storage } from "../../src/storage/storage.js";

/** The subscription kinds a conversation can have. */
const SUBSCRIPTION_KINDS = ["digest", "incidents"];

/** Every task of the workspace, in plan order. */
export async function tasksState(storage: Storage, workspace: string): Promise<string> {
  return JSON.stringify(await storage.tasks.all(workspace));
}

/** Every person of the workspace, by id, with the fields `pick` keeps (default all). */
export async function peopleState(
  storage: Storage,
  workspace: string,
  pick: (p: Awaited<ReturnType<Storage["people"]["all"]>>[number]) => unknown = (p) => p,
): Promise<string> {
  const people = (await storage.people.all(workspace)).sort((a, b) => a.id - b.id);
  return JSON.stringify(people.map(pick));
}

/** How many audit events the workspace has, of every kind (tasks, people, incidents, settings…). */
export async function auditCount(storage: Storage, workspace: string): Promise<number> {
  return (await storage.auditLog.list(workspace)).length;
}

/** Every subscription of every kind, by id. */
export async function subscriptionsState(storage: Storage): Promise<string> {
  const all = (await Promise.all(SUBSCRIPTION_KINDS.map((k) => storage.subscriptions.ofKind(k)))).flat();
  return JSON.stringify(all.sort((a, b) => a.id - b.id));
}

/** How many outbox rows there are. */
export async function outboxCount(storage: Storage): Promise<number> {
  return (await storage.outbox.all()).length;
}
