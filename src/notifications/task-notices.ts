/**
 * Who hears about a change to a task, and what they read. Pure: given the task before and after,
 * the person who changed it and the workspace's people, it returns one notice per recipient.
 * - the new owner, when someone else assigns them (a card with Start / Done / Snooze);
 * - the previous owner, when someone else moves the task away from them;
 * - the area's leads (`arealead`), or the leads (or the admins, when there is no lead) when the area
 *   has none, when a task is blocked, with the reason;
 * - the owner, when someone else changes their task (due date, status, title, skip, removal).
 * Nobody hears about their own change. Whether a notice is sent is the recipient's `me notify` choice.
 */
import type { Card, Reply } from "../core/reply.js";
import { shortDate } from "../domain/dates.js";
import type { NotifyLevel, Person } from "../domain/person.js";
import { statusLabel, type Task } from "../domain/task.js";

/** What a notice is about. */
export type NoticeKind = "assigned" | "moved" | "blocked" | "changed";

/** One message to one person. */
export interface TaskNotice {
  kind: NoticeKind;
  recipient: Person;
  /** Important notices (assigned to you, your task blocked or reopened by someone else) pass `me notify important`. */
  important: boolean;
  reply: Reply;
}

/** What changed, as the notices need it. */
export interface TaskChangeFacts {
  before: Task;
  after: Task;
  actor: Person;
  /** Everyone in the workspace (for the leads). */
  people: readonly Person[];
  /** The leads named for the task's area; empty: the workspace's leads are told of a block. */
  areaLeads?: readonly Person[];
  /** The reason or note given with the change. */
  note?: string;
  /** The actor's local date, for "Fri 4 Dec". */
  today: string;
}

/** True when a person's `me notify` choice lets this notice through. */
export function wantsNotice(level: NotifyLevel, important: boolean): boolean {
  return level === "all" || (level === "important" && important);
}

/** Who is told about blocked work: the area's leads; when it has none, the leads, or the admins when the workspace has no lead. */
export function blockRecipients(people: readonly Person[], areaLeads: readonly Person[] = []): Person[] {
  if (areaLeads.length > 0) return [...areaLeads];
  const leads = people.filter((p) => p.role === "lead");
  return leads.length > 0 ? leads : people.filter((p) => p.role === "admin");
}

function line(text: string): Reply {
  return { kind: "text", spans: [text], visibility: "conversation" };
}

function assignedCard(f: TaskChangeFacts): Reply {
  const { after, actor, today } = f;
  const card: Card = {
    title: `${actor.displayName} assigned you ${after.id}`,
    blocks: [
      {
        type: "facts",
        facts: [
          { label: "Task", value: `${after.id} · ${after.title}` },
          { label: "Due", value: after.dueDate ? shortDate(after.dueDate, today) : "not set" },
          { label: "Assigned by", value: actor.displayName },
        ],
      },
      {
        type: "actions",
        actions: [
          { kind: "button", actionId: "task.start", label: "Start", value: after.id },
          { kind: "button", actionId: "task.done", label: "Done", value: after.id, style: "primary" },
          { kind: "button", actionId: "task.snooze", label: "Snooze a week", value: after.id },
        ],
      },
    ],
  };
  return { kind: "card", card, visibility: "conversation" };
}

/** The one-line description of what someone else changed on a task, or undefined when nothing the owner cares about did. */
function changeLine(f: TaskChangeFacts): { text: string; important: boolean } | undefined {
  const { before, after, actor, today } = f;
  const by = actor.displayName;
  const name = `${after.id} · ${after.title}`;
  if (before.removedAt === null && after.removedAt !== null)
    return { text: `${by} removed ${name}.`, important: false };
  if (before.skipReason === null && after.skipReason !== null)
    return { text: `${by} skipped ${name}: ${after.skipReason}`, important: false };
  if (before.status !== after.status) {
    if (after.status === "blocked")
      return { text: `${by} blocked ${name}${f.note ? `: ${f.note}` : "."}`, important: true };
    if (before.status === "done") return { text: `${by} reopened ${name}.`, important: true };
    if (after.status === "done") return { text: `${by} completed ${name}.`, important: false };
    return { text: `${by} set ${name} to ${statusLabel(after.status)}.`, important: false };
  }
  if (before.dueDate !== after.dueDate)
    return {
      text: after.dueDate
        ? `${by} moved ${name} to ${shortDate(after.dueDate, today)}.`
        : `${by} cleared the due date of ${name}.`,
      important: false,
    };
  if (before.title !== after.title) return { text: `${by} renamed ${after.id} to "${after.title}".`, important: false };
  return undefined;
}

/** Every notice a change causes, before anyone's `me notify` choice is applied. */
export function taskNotices(f: TaskChangeFacts): TaskNotice[] {
  const { before, after, actor, people } = f;
  const notices: TaskNotice[] = [];
  const byId = (id: number | null) => (id === null ? undefined : people.find((p) => p.id === id));
  const newOwner = before.ownerId !== after.ownerId ? byId(after.ownerId) : undefined;
  const oldOwner = before.ownerId !== after.ownerId ? byId(before.ownerId) : undefined;
  if (newOwner && newOwner.id !== actor.id)
    notices.push({ kind: "assigned", recipient: newOwner, important: true, reply: assignedCard(f) });
  if (oldOwner && oldOwner.id !== actor.id) {
    const where = newOwner ? `to ${newOwner.displayName}` : "to nobody (unassigned)";
    notices.push({
      kind: "moved",
      recipient: oldOwner,
      important: false,
      reply: line(`${after.id} · ${after.title} moved from you ${where}, by ${actor.displayName}.`),
    });
  }
  if (before.status !== "blocked" && after.status === "blocked") {
    const owner = after.ownerName ?? "nobody";
    for (const lead of blockRecipients(people, f.areaLeads)) {
      if (lead.id === actor.id || lead.id === after.ownerId) continue;
      notices.push({
        kind: "blocked",
        recipient: lead,
        important: true,
        reply: line(
          `${actor.displayName} blocked ${after.id} · ${after.title} (owner ${owner}): ${f.note || "no reason given"}`,
        ),
      });
    }
  }
  const owner = before.ownerId === after.ownerId ? byId(after.ownerId) : undefined;
  const change = owner && owner.id !== actor.id ? changeLine(f) : undefined;
  if (owner && change)
    notices.push({ kind: "changed", recipient: owner, important: change.important, reply: line(change.text) });
  return notices;
}
