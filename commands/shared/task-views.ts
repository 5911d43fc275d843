/** Neutral views of tasks: a list row and the full task card with its buttons and history. */
import type { Block, Card, CardAction, ListItem } from "../../src/core/reply.js";
import type { AuditEvent } from "../../src/storage/repositories/audit-repository.js";
import { daysBetween } from "../../src/domain/dates.js";
import { blockedFacts, blockedFor } from "../../src/digest/facts.js";
import { isOverdue, statusLabel, type Task } from "../../src/domain/task.js";

/** One line per task: id and title, then owner, due date and status. */
export function taskRow(task: Task, today: string): ListItem {
  const late = isOverdue(task, today) && task.dueDate ? ` · ${daysBetween(task.dueDate, today)} days late` : "";
  const blocked = blockedFacts([task], today)[0];
  const why = blocked ? ` · ${blockedFor(blocked.daysBlocked)}: ${blocked.reason}` : "";
  return {
    label: `${task.id}  ${task.title}`,
    detail: `${task.ownerName ?? "unassigned"} · ${task.dueDate ? `due ${task.dueDate}` : "no due date"} · ${statusLabel(task.status)}${late}${why}`,
  };
}

/** The buttons a task card offers; each is re-checked against the clicker's role when pressed. */
export function taskButtons(task: Task): CardAction[] {
  const buttons: CardAction[] = [];
  if (task.status === "open" || task.status === "blocked")
    buttons.push({ kind: "button", actionId: "task.start", label: "Start", value: task.id });
  if (task.status !== "done") {
    buttons.push({ kind: "button", actionId: "task.done", label: "Done", value: task.id, style: "primary" });
    if (task.dueDate) buttons.push({ kind: "button", actionId: "task.snooze", label: "Snooze a week", value: task.id });
  }
  buttons.push({ kind: "button", actionId: "task.reassign", label: "Reassign", value: task.id });
  return buttons;
}

/** The full card for `task S1-2` and after every change. */
export function taskCard(task: Task, today: string, history: AuditEvent[] = []): Card {
  const blocks: Block[] = [
    {
      type: "facts",
      facts: [
        { label: "Area", value: `${task.area} · ${task.objective}` },
        { label: "Owner", value: task.ownerName ?? "unassigned" },
        { label: "Due", value: task.dueDate ?? "not set" },
        { label: "Status", value: statusLabel(task.status) + (isOverdue(task, today) ? " (overdue)" : "") },
      ],
    },
  ];
  if (task.detail) blocks.push({ type: "text", spans: [task.detail] });
  if (task.resources.length > 0) {
    blocks.push({
      type: "actions",
      actions: task.resources.map((r) => ({ kind: "link" as const, label: r.title, url: r.url })),
    });
  }
  if (history.length > 0) {
    blocks.push({
      type: "list",
      items: history.map((h) => ({
        label: `${h.at.slice(0, 16).replace("T", " ")} ${h.actorName}: ${h.action}`,
        detail:
          [h.oldValue || h.newValue ? `${h.oldValue ?? "—"} → ${h.newValue ?? "—"}` : "", h.note ?? ""]
            .filter(Boolean)
            .join(" · ") || undefined,
      })),
    });
  }
  blocks.push({ type: "actions", actions: taskButtons(task) });
  return { title: `${task.id} · ${task.title}`, blocks };
}
