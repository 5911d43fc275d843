/** The reminder direct messages: to the owner (with Done and Snooze) and, after the cap, to the leads. */
import type { Card, Reply } from "../core/reply.js";
import { daysBetween } from "../domain/dates.js";
import { MAX_OVERDUE, type ReminderDecision } from "./rules.js";

/** The task facts a reminder shows. */
export interface ReminderTask {
  taskId: string;
  title: string;
  dueDate: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function headline(t: ReminderTask, today: string): string {
  const days = daysBetween(today, t.dueDate);
  if (days > 0) return `${t.taskId} is due in ${plural(days, "day")}`;
  if (days === 0) return `${t.taskId} is due today`;
  return `${t.taskId} is ${plural(-days, "day")} overdue`;
}

/** The owner's reminder; `today` is the owner's local date. */
export function ownerReminder(t: ReminderTask, decision: ReminderDecision, today: string): Reply {
  const card: Card = {
    title: `Reminder: ${headline(t, today)}`,
    blocks: [
      {
        type: "facts",
        facts: [
          { label: "Task", value: `${t.taskId} · ${t.title}` },
          { label: "Due", value: t.dueDate },
        ],
      },
      ...(decision.kind === "overdue"
        ? [
            {
              type: "context" as const,
              spans: [`Overdue reminder ${decision.seq} of ${MAX_OVERDUE}; after that the leads are told.`],
            },
          ]
        : []),
      {
        type: "actions",
        actions: [
          { kind: "button", actionId: "task.done", label: "Done", value: t.taskId, style: "primary" },
          { kind: "button", actionId: "task.snooze", label: "Snooze a week", value: t.taskId },
        ],
      },
    ],
  };
  return { kind: "card", card, visibility: "conversation" };
}

/** The message a lead gets once the owner was reminded the maximum number of times. */
export function leadEscalation(t: ReminderTask, ownerName: string, today: string): Reply {
  const card: Card = {
    title: `Escalation: ${headline(t, today)}`,
    severity: "medium",
    blocks: [
      { type: "text", spans: [`${ownerName} was reminded ${MAX_OVERDUE} times and the task is still open.`] },
      {
        type: "facts",
        facts: [
          { label: "Task", value: `${t.taskId} · ${t.title}` },
          { label: "Owner", value: ownerName },
          { label: "Due", value: t.dueDate },
        ],
      },
      {
        type: "actions",
        actions: [
          { kind: "button", actionId: "task.reassign", label: "Reassign", value: t.taskId },
          { kind: "button", actionId: "task.snooze", label: "Snooze a week", value: t.taskId },
        ],
      },
    ],
  };
  return { kind: "card", card, visibility: "conversation" };
}
