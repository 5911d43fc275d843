/**
 * Enqueues a subscription's weekly digest when it is due, from the every-minute check (which also
 * catches up at start). The idempotency key (conversation + ISO week) and the
 * snapshot are written in one unit of work, so a digest goes out at most once per week, across restarts.
 */
import type { Services } from "../app/services.js";
import type { Platforms } from "../delivery/platforms.js";
import { digestScheduleSchema, dueWeek, type DigestSchedule } from "./schedule.js";
import type { Subscription } from "../storage/repositories/subscription-repository.js";
import { composeDigest, digestRun, type DigestRun } from "./compose.js";

/** The subscription kind's name. */
export const DIGEST_KIND = "digest";

/** What digest jobs need. */
export interface DigestDeps {
  services: Services;
  platforms: Pick<Platforms, "showsImages">;
}

/** The outbox idempotency key of a conversation's digest for an ISO week (channel ids repeat across workspaces). */
export function digestKey(workspace: string, platform: string, conversationId: string, week: string): string {
  return `digest:${workspace}:${platform}:${conversationId}:${week}`;
}

/** The key digests had before it named the workspace; still checked so the week of an upgrade sends no second digest. */
function legacyDigestKey(platform: string, conversationId: string, week: string): string {
  return `digest:${platform}:${conversationId}:${week}`;
}

/** Reads stored settings; undefined for a row that does not parse (logged by the caller). */
export function readSchedule(settings: Record<string, unknown>): DigestSchedule | undefined {
  const parsed = digestScheduleSchema.safeParse(settings);
  return parsed.success ? parsed.data : undefined;
}

/** Enqueues this week's digest if due and not enqueued before; true when it enqueued one. `run` shares work between a run's digests. */
export async function enqueueDueDigest(
  deps: DigestDeps,
  sub: Subscription,
  now: Date,
  run: DigestRun = digestRun(),
): Promise<boolean> {
  const { services } = deps;
  const schedule = readSchedule(sub.settings);
  if (!schedule) {
    services.log.warn({ subscription: sub.id }, "digest subscription has unreadable settings; skipped");
    return false;
  }
  const week = dueWeek(schedule, now);
  if (!week) return false;
  const key = digestKey(sub.workspace, sub.platform, sub.conversationId, week);
  const conversation = { workspace: sub.workspace, platform: sub.platform, id: sub.conversationId };
  if (
    (await services.outbox.hasKey(key)) ||
    (await services.outbox.hasKey(legacyDigestKey(sub.platform, sub.conversationId, week))) ||
    (await services.conversations.isInactive(conversation))
  )
    return false;
  const target = { workspace: sub.workspace, platform: sub.platform, conversationId: sub.conversationId };
  const { card, snapshot, file } = await composeDigest(
    services,
    {
      target,
      timezone: schedule.timezone,
      week,
      now,
      images: deps.platforms.showsImages(sub.platform),
    },
    run,
  );
  return services.storage.unitOfWork(async (tx) => {
    const fresh = await tx.outbox.enqueue(
      {
        key,
        ...target,
        op: "post",
        reply: { kind: "card", card, visibility: "conversation", ...(file ? { file } : {}) },
      },
      now,
    );
    if (fresh) await tx.digests.save(target, week, snapshot, now);
    return fresh;
  });
}

/**
 * Enqueues every digest that is due and missing, yielding between
 * digests so commands are answered meanwhile; what a workspace's digests share is computed once per
 * run. Returns how many.
 */
export async function runDigestCatchUp(deps: DigestDeps, now: Date): Promise<number> {
  let count = 0;
  const run = digestRun();
  for (const sub of await deps.services.subscriptions.ofKind(DIGEST_KIND)) {
    if (await enqueueDueDigest(deps, sub, now, run)) {
      count++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return count;
}
