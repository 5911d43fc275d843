/**
 * The weekly training nudge: for each person on a team who has not opted out, within their working
 * hours and at most once per TRAINING_NUDGE_DAYS, enqueue one direct message suggesting the one or
 * two modules that close their largest gap. A plain job (deps, now) for the scheduler.
 */
import type { PlatformName } from "../core/incoming.js";
import { cardReply } from "../core/reply.js";
import type { Person } from "../domain/person.js";
import type { Logger } from "../logger.js";
import type { Storage } from "../storage/storage.js";
import { nudgeCard } from "./suggestion-card.js";
import { currentSuggestions, type TrainingDeps } from "./suggestions.js";
import { isoWeek, isWorkingTime } from "../domain/working-time.js";

/** What the nudge job needs besides the training data. */
export interface NudgeJobDeps extends TrainingDeps {
  storage: Storage;
  log: Logger;
  /** Least days between two nudges to one person (TRAINING_NUDGE_DAYS). */
  nudgeDays: number;
  /** The platform a workspace's DMs go through (src/delivery/workspace-platform.ts), or undefined (the person is skipped). */
  platformOf(workspace: string): Promise<PlatformName | undefined>;
}

/** What happened for one person, for logs and tests. */
export type NudgeOutcome =
  "sent" | "outside-hours" | "too-soon" | "nothing-to-suggest" | "no-platform" | "already-this-week";

/** The outbox idempotency key of a person's nudge in an ISO week. */
export function nudgeKey(person: Pick<Person, "workspace" | "id">, week: string): string {
  return `training-nudge:${person.workspace}:${person.id}:${week}`;
}

/** Decides and, when due, enqueues one person's nudge (nudge row, offers and outbox row in one unit of work). */
export async function nudgePerson(deps: NudgeJobDeps, person: Person, now: Date): Promise<NudgeOutcome> {
  if (!isWorkingTime(person, now)) return "outside-hours";
  const last = await deps.training.lastNudgeAt(person.workspace, person.id);
  if (last && now.getTime() - last.getTime() < deps.nudgeDays * 86_400_000) return "too-soon";
  const suggestions = await currentSuggestions(deps, person, now, { limit: 2, perGap: 2, maxGaps: 1 });
  if (suggestions.length === 0) return "nothing-to-suggest";
  const platform = await deps.platformOf(person.workspace);
  if (!platform) return "no-platform";
  const week = isoWeek(now, person.timezone);
  const key = nudgeKey(person, week);
  const moduleIds = suggestions.map((s) => s.moduleId);
  return deps.storage.unitOfWork(async (tx): Promise<NudgeOutcome> => {
    const fresh = await tx.training.recordNudge({
      workspace: person.workspace,
      personId: person.id,
      week,
      outboxKey: key,
      moduleIds,
      reason: suggestions[0]?.why ?? "",
      sentAt: now,
    });
    if (!fresh) return "already-this-week";
    await tx.outbox.enqueue(
      {
        key,
        workspace: person.workspace,
        platform,
        conversationId: person.platformUserId,
        op: "dm",
        reply: cardReply(nudgeCard(suggestions)),
      },
      now,
    );
    await tx.training.recordOffers(person.workspace, person.id, moduleIds, now);
    return "sent";
  });
}

/** Runs over everyone who may be nudged; one person's failure is logged and never stops the rest. */
export async function trainingNudgeJob(deps: NudgeJobDeps, now: Date): Promise<void> {
  let sent = 0;
  for (const person of await deps.training.nudgeCandidates()) {
    try {
      const outcome = await nudgePerson(deps, person, now);
      if (outcome === "sent") sent += 1;
      if (outcome === "no-platform")
        deps.log.warn({ workspace: person.workspace, personId: person.id }, "training nudge skipped: platform unknown");
    } catch (err) {
      deps.log.error({ err, workspace: person.workspace, personId: person.id }, "training nudge failed");
    }
  }
  deps.log.info({ sent }, "training nudges enqueued");
}
