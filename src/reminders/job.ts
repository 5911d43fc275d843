/**
 * The reminder job: for each open task with an owner and a due date, sends the reminder the rules
 * call for, only inside the owner's working hours. The record and the outbox row are written in one
 * unit of work, so a reminder is never repeated and never lost.
 */
import type { Services } from "../app/services.js";
import { todayIn } from "../domain/dates.js";
import type { Person } from "../domain/person.js";
import type { Platforms } from "../delivery/platforms.js";
import type { ReminderCandidate } from "../storage/repositories/reminder-repository.js";
import { leadEscalation, ownerReminder } from "./message.js";
import { nextReminder } from "./rules.js";
import { isWorkingTime, nextWorkingTime } from "../domain/working-time.js";

/** What the job needs. */
export interface ReminderDeps {
  services: Services;
  platforms: Pick<Platforms, "platformOf">;
}

/**
 * Who hears about a task once its owner was reminded the maximum number of times: the workspace's
 * leads (there is no per-stage lead), or its admins when it has no lead; never the owner themself.
 */
export function escalationRecipients(people: readonly Person[], ownerId: number): Person[] {
  const others = people.filter((p) => p.id !== ownerId);
  const leads = others.filter((p) => p.role === "lead");
  return leads.length > 0 ? leads : others.filter((p) => p.role === "admin");
}

/** Runs one pass at `now`; safe to run as often as wanted. */
export async function runReminders(deps: ReminderDeps, now: Date): Promise<void> {
  const { services } = deps;
  const repo = services.reminders;
  for (const c of await repo.candidates()) {
    if (c.owner.notify === "none" || !isWorkingTime(c.owner, now)) continue;
    const platform = await deps.platforms.platformOf(c.workspace);
    if (!platform) {
      services.log.warn(
        { workspace: c.workspace, task: c.taskId },
        "reminder skipped: the workspace's platform is unknown",
      );
      continue;
    }
    const cycle = { workspace: c.workspace, taskId: c.taskId, dueDate: c.dueDate, ownerId: c.owner.id };
    const today = todayIn(c.owner.timezone, now);
    const decision = nextReminder(today, c.dueDate, await repo.sent(cycle));
    if (!decision) continue;
    const key = `reminder:${c.workspace}:${c.taskId}:${c.dueDate}:${c.owner.id}:${decision.kind}:${decision.seq}`;
    const people = await services.people.all(c.workspace);
    await services.storage.unitOfWork(async (tx) => {
      await tx.reminders.record(cycle, decision.kind, decision.seq, today, now);
      if (decision.kind !== "escalation") {
        await tx.outbox.enqueue(
          {
            key,
            workspace: c.workspace,
            platform,
            conversationId: c.owner.platformUserId,
            op: "dm",
            reply: ownerReminder(c, decision, today),
          },
          now,
        );
        return;
      }
      for (const lead of escalationRecipients(people, c.owner.id)) {
        const reply = leadEscalation(c, c.owner.displayName, todayIn(lead.timezone, now));
        await tx.outbox.enqueue(
          {
            key: `${key}:lead:${lead.id}`,
            workspace: c.workspace,
            platform,
            conversationId: lead.platformUserId,
            op: "dm",
            reply,
            notBefore: nextWorkingTime(lead, now),
          },
          now,
        );
      }
    });
    logEscalationWithoutLeads(deps, c, decision.kind, people);
  }
}

function logEscalationWithoutLeads(
  deps: ReminderDeps,
  c: ReminderCandidate,
  kind: string,
  people: readonly Person[],
): void {
  if (kind === "escalation" && escalationRecipients(people, c.owner.id).length === 0) {
    deps.services.log.warn(
      { workspace: c.workspace, task: c.taskId },
      "overdue task escalated, but the workspace has no lead or admin to tell",
    );
  }
}
