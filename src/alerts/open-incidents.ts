/**
 * "What is open now" for one conversation: the most severe matching open incidents become thread
 * roots (those already threaded there are skipped) and one line counts the rest. Used when a
 * conversation subscribes and when the first sync (backfill) of a tenant finishes.
 */
import { announce } from "../core/reply.js";
import { severityRank } from "../domain/incident.js";
import { passesFilter, type IncidentFilter } from "../domain/incident-sources.js";
import type { ThreadTarget } from "../storage/repositories/incident-thread-repository.js";
import { startThread, type EmitContext } from "./emit.js";

/** Root cards posted at most per conversation at once; the rest are counted. */
export const OPEN_ROOTS_LIMIT = 20;

/** What was posted. */
export interface OpenPosted {
  posted: number;
  rest: number;
}

/** Posts the top open incidents for the filter into the conversation; call inside a unit of work. */
export async function postOpenIncidents(
  ctx: EmitContext,
  target: ThreadTarget,
  filter: IncidentFilter,
): Promise<OpenPosted> {
  if (!(await ctx.sees(target.workspace))) return { posted: 0, rest: 0 };
  const threaded = await ctx.services.threads.incidentIds(target, ctx.tenant);
  const open = (await ctx.services.incidents.open(ctx.tenant, severityRank(filter.minSeverity), 10_000)).filter(
    (i) => !threaded.has(i.id) && passesFilter(i, filter),
  );
  let posted = 0;
  for (const incident of open.slice(0, OPEN_ROOTS_LIMIT)) if (await startThread(ctx, target, incident)) posted += 1;
  const rest = Math.max(0, open.length - OPEN_ROOTS_LIMIT);
  if (rest > 0) {
    const key = `incidents-open:${ctx.tenant}:${target.workspace}:${target.platform}:${target.conversationId}:${ctx.now.toISOString()}`;
    const line = announce(
      `…and ${rest} more open incident${rest === 1 ? "" : "s"} match this subscription; `,
      { code: "alerts" },
      " summarises them, ",
      { code: "incident <id>" },
      " shows one.",
    );
    await ctx.services.outbox.enqueue({ key, ...target, op: "post", reply: line }, ctx.now);
  }
  return { posted, rest };
}
