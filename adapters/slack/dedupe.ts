/**
 * Global Bolt middleware that lets each Slack request through once: events by event_id, commands,
 * clicks and submissions by trigger_id, stored in the database so a restart does not forget them.
 * A repeat (X-Slack-Retry-Num, a replayed body) is acknowledged and changes nothing.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";
import type { InboundRequestRepository } from "../../src/storage/repositories/inbound-request-repository.js";
import { isUnwritable } from "../../src/storage/unwritable.js";
import { workspaceOf } from "./parse.js";

/** The fields of a request body that identify it. */
interface KeyFields {
  type?: string;
  command?: string;
  event_id?: string;
  trigger_id?: string;
  team_id?: string;
  team?: { id?: string } | null;
  user?: { team_id?: string };
}

/** The idempotency key and team of a request, or undefined when it carries none. */
export function requestKey(body: unknown): { team: string; key: string } | undefined {
  const b = (body ?? {}) as KeyFields;
  const team = b.team_id ?? b.team?.id ?? b.user?.team_id;
  if (!team) return undefined;
  if (b.type === "event_callback" && b.event_id) return { team, key: `slack:event:${b.event_id}` };
  if (b.command && b.trigger_id) return { team, key: `slack:command:${b.trigger_id}` };
  if (b.type && b.trigger_id) return { team, key: `slack:${b.type}:${b.trigger_id}` };
  return undefined;
}

/** Claims the key; when the database cannot be written the request goes through unclaimed, so the core can say so. */
async function claimed(repo: InboundRequestRepository, workspace: string, key: string, now: Date, log: Logger) {
  try {
    return await repo.claim(workspace, key, now);
  } catch (err) {
    if (!isUnwritable(err)) throw err;
    log.warn({ key }, "database not writable; Slack request let through without its retry check");
    return true;
  }
}

/** The middleware: claims the key, or acks and stops a repeat. */
export function dedupeMiddleware(
  repo: InboundRequestRepository,
  clock: () => Date,
  log: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const id = requestKey(args.body);
    if (id && !(await claimed(repo, workspaceOf(id.team), id.key, clock(), log))) {
      log.info({ key: id.key, retryNum: args.context.retryNum }, "repeated Slack request ignored");
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await args.next();
  };
}
