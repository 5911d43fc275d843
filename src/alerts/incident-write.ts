/**
 * Acting on an incident from chat: assign, start, reopen, resolve. The change is written to Graph
 * first (PATCH); only Graph's answer is stored, threaded and audited with who acted, so chat never
 * shows a state Graph refused. A refusal names the missing permission and changes nothing. A comment
 * on the incident then says who acted (best effort: Graph itself only sees the app).
 */
import { AlertSourceError, type IncidentPatch } from "./alert-source.js";
import { applyIncident } from "./apply.js";
import { INCIDENTS_KIND, emitContext } from "./emit.js";
import { mapIncident } from "./mapper.js";
import type { CommandContext } from "../app/command.js";
import { textReply, type Reply } from "../core/reply.js";
import { enumLabel, type Incident } from "../domain/incident.js";
import { BotError, usageError } from "../errors.js";
import { findIncident, requireIncidentActor } from "./incident-access.js";

const AUDITED: (keyof IncidentPatch)[] = ["status", "assignedTo", "classification", "determination"];

/** Sends the patch to Graph, then stores, threads and audits Graph's answer. */
export async function writeIncident(
  ctx: CommandContext,
  id: string,
  patch: IncidentPatch,
  done: string,
): Promise<Reply> {
  requireIncidentActor(ctx);
  const before = await findIncident(ctx, id);
  const { services, now } = ctx;
  const feed = services.alertFeed;
  let raw;
  try {
    raw = await feed.source.updateIncident(before.id, patch);
  } catch (err) {
    if (err instanceof AlertSourceError)
      throw new BotError("upstream", `${err.message} Nothing was changed.`, { cause: err });
    throw err;
  }
  const after = mapIncident(raw, feed.source.tenant, feed.portalHost);
  if (!after || after.id !== before.id)
    throw new BotError("upstream", "Microsoft Graph answered with a different incident; nothing was recorded.");
  const actorName = ctx.actor.displayName;
  const subscriptions = await services.subscriptions.ofKind(INCIDENTS_KIND);
  await services.storage.unitOfWork(async (tx) => {
    const platformOf = async (workspace: string) =>
      workspace === ctx.workspace ? ctx.incoming.conversation.platform : services.conversations.platformOf(workspace);
    await applyIncident(emitContext(services, now, platformOf), subscriptions, after, {
      actorName,
      actorFields: Object.keys(patch),
      sourceName: feed.source.kind === "demo" ? "the demo source" : "Microsoft Defender XDR",
    });
    for (const field of AUDITED) {
      if (patch[field] === undefined) continue;
      await tx.audit.record({
        workspace: ctx.workspace,
        entityType: "incident",
        entityId: `${feed.source.tenant}:${before.id}`,
        actorId: ctx.actor.id,
        actorName,
        action: field,
        oldValue: before[field] ?? null,
        newValue: patch[field] ?? null,
        note: feed.source.kind === "demo" ? "demo source" : "written to Microsoft Graph",
        at: now,
      });
    }
  });
  await feed.source
    .commentIncident(before.id, `${actorName.slice(0, 100)} (via secops-bot): ${done}.`)
    .catch((err: unknown) => {
      services.log.warn(
        { incident: before.id, reason: err instanceof Error ? err.message : String(err) },
        "could not add the attribution comment in Graph",
      );
    });
  return textReply(`Incident ${before.id}: ${done}.`);
}

/** Assign to me: Graph's assignedTo takes the person's email (their UPN on Teams) or, without one, their name. */
export async function assignToMe(ctx: CommandContext, id: string): Promise<Reply> {
  const who = ctx.actor.email ?? ctx.actor.displayName;
  const incident = await findIncident(ctx, id);
  if (incident.assignedTo?.toLowerCase() === who.toLowerCase())
    throw usageError(`Incident ${incident.id} is already assigned to you.`);
  return writeIncident(ctx, incident.id, { assignedTo: who }, `assigned to ${who}`);
}

/** Moves an open incident to active or in progress (resolving has its own path). */
export async function setIncidentStatus(
  ctx: CommandContext,
  id: string,
  status: "active" | "inProgress",
): Promise<Reply> {
  const incident: Incident = await findIncident(ctx, id);
  if (incident.status === status) throw usageError(`Incident ${incident.id} is already ${enumLabel(status)}.`);
  return writeIncident(ctx, incident.id, { status }, `status set to ${enumLabel(status)}`);
}

/** Resolves with a classification and, optionally, a determination (already validated). */
export async function resolveIncident(
  ctx: CommandContext,
  id: string,
  classification: string,
  determination?: string,
): Promise<Reply> {
  const incident = await findIncident(ctx, id);
  if (incident.status === "resolved") throw usageError(`Incident ${incident.id} is already resolved.`);
  const label = `${enumLabel(classification)}${determination ? `, ${enumLabel(determination)}` : ""}`;
  return writeIncident(
    ctx,
    incident.id,
    { status: "resolved", classification, ...(determination ? { determination } : {}) },
    `resolved as ${label}`,
  );
}
