/**
 * Incident changes → outbox rows for every subscribed conversation: one thread root per incident and
 * conversation (op post), the root edited in place (op update), a reply per meaningful change and per
 * watched asset touched (op reply). Keys are built from incident id + conversation + change identity,
 * so running this twice for the same state enqueues nothing new. Call inside the sync's unit of work.
 */
import type { PlatformName } from "../core/incoming.js";
import { createHash } from "node:crypto";
import type { Services } from "../app/services.js";
import { touchedAssets, type WatchedAsset } from "../domain/incident-assets.js";
import type { IncidentChange } from "../domain/incident-diff.js";
import { incidentEvidence, isOpen, type Incident } from "../domain/incident.js";
import { passesFilter, type IncidentFilter } from "../domain/incident-sources.js";
import { onDuty } from "../domain/oncall.js";
import type { Person } from "../domain/person.js";
import type { Subscription } from "../storage/repositories/subscription-repository.js";
import type { ThreadTarget } from "../storage/repositories/incident-thread-repository.js";
import { cardReply } from "../core/reply.js";
import { incidentCard } from "./incident-card.js";
import { assetLine, changeLines, type Attribution, type ThreadLine } from "./thread-messages.js";

/** The subscription kind name incident threads are delivered to. */
export const INCIDENTS_KIND = "incidents";

/** What emitting needs, with per-workspace lookups cached for one sync page. */
export interface EmitContext {
  services: Services;
  tenant: string;
  sourceKind: "graph" | "demo";
  now: Date;
  assets(workspace: string): Promise<WatchedAsset[]>;
  /** Who a honeypot touch pings there: its on-call list, or its leads and admins. */
  onDuty(workspace: string): Promise<Person[]>;
  /** Every workspace watching a honeypot. */
  honeypotWorkspaces(): Promise<string[]>;
  /** The platform a workspace's people are reached on, for direct messages. */
  platformOf(workspace: string): Promise<PlatformName | undefined>;
  /** Whether a workspace may see this tenant's incidents (its linked tenant). */
  sees(workspace: string): Promise<boolean>;
  /** The incident's thread root in the conversation, from what preloadRoots read when it covered the incident. */
  rootKey(target: ThreadTarget, incidentId: string): Promise<string | undefined>;
  /** Reads the thread roots of a page's incidents in every subscribed conversation, one query per conversation. */
  preloadRoots(subs: readonly Subscription[], incidentIds: readonly string[]): Promise<void>;
  /** Notes a thread just started, so later lookups in the same page see it. */
  rootStarted(target: ThreadTarget, incidentId: string, rootKey: string): void;
}

/**
 * Builds an emit context; lookups are cached, so build one per unit of work. `platformOf` comes from
 * the running adapters' profiles (the sync job); without it the conversations seen in a workspace tell.
 */
export function emitContext(
  services: Services,
  now: Date,
  platformOf: (workspace: string) => Promise<PlatformName | undefined> = (w) => services.conversations.platformOf(w),
): EmitContext {
  const assets = new Map<string, Promise<WatchedAsset[]>>();
  const duty = new Map<string, Promise<Person[]>>();
  let watching: Promise<string[]> | undefined;
  const sees = new Map<string, Promise<boolean>>();
  /** Thread roots by conversation and incident; null records that there is none. */
  const roots = new Map<string, string | null>();
  const rootOf = (target: ThreadTarget, incidentId: string) =>
    `${target.workspace}\u0000${target.platform}\u0000${target.conversationId}\u0000${incidentId}`;
  const feed = services.alertFeed;
  const tenant = feed.source.tenant;
  return {
    services,
    tenant,
    sourceKind: feed.source.kind,
    now,
    assets: (w) => cached(assets, w, () => services.assets.all(w)),
    onDuty: (w) => cached(duty, w, async () => onDuty(await services.oncall.people(w), await services.people.all(w))),
    honeypotWorkspaces: () => (watching ??= services.assets.workspacesWatching("honeypot")),
    platformOf,
    sees: (w) => cached(sees, w, async () => (await services.tenants.tenantFor(w)) === feed.source.tenant),
    async rootKey(target, incidentId) {
      const known = roots.get(rootOf(target, incidentId));
      if (known !== undefined) return known ?? undefined;
      return services.threads.rootKey(target, tenant, incidentId);
    },
    async preloadRoots(subs, incidentIds) {
      for (const sub of subs) {
        const target = targetOf(sub);
        const found = await services.threads.rootKeys(target, tenant, incidentIds);
        for (const id of incidentIds) roots.set(rootOf(target, id), found.get(id) ?? null);
      }
    },
    rootStarted(target, incidentId, rootKey) {
      roots.set(rootOf(target, incidentId), rootKey);
    },
  };
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const loading = load();
  cache.set(key, loading);
  return loading;
}

/** Reads a subscription's saved settings defensively (they are JSON). */
export function filterOf(settings: Record<string, unknown>): IncidentFilter {
  const sources = Array.isArray(settings.sources)
    ? settings.sources.filter((s): s is string => typeof s === "string")
    : [];
  return { minSeverity: typeof settings.minSeverity === "string" ? settings.minSeverity : "unknown", sources };
}

function keyBase(ctx: EmitContext, target: ThreadTarget, incidentId: string): string {
  return `incident:${ctx.tenant}:${incidentId}:${target.workspace}:${target.platform}:${target.conversationId}`;
}

async function enqueueLines(
  ctx: EmitContext,
  target: ThreadTarget,
  rootKey: string,
  base: string,
  lines: ThreadLine[],
): Promise<void> {
  for (const line of lines) {
    await ctx.services.outbox.enqueue(
      {
        key: `${base}:${line.identity}`,
        workspace: target.workspace,
        platform: target.platform,
        conversationId: target.conversationId,
        op: "reply",
        rootKey,
        reply: line.reply,
      },
      ctx.now,
    );
  }
}

async function assetLines(ctx: EmitContext, target: ThreadTarget, incident: Incident): Promise<ThreadLine[]> {
  const touches = touchedAssets(incidentEvidence(incident), await ctx.assets(target.workspace));
  if (touches.length === 0) return [];
  const people = await ctx.onDuty(target.workspace);
  return touches.map((t) => assetLine(t, people));
}

async function card(ctx: EmitContext, target: ThreadTarget, incident: Incident) {
  return incidentCard(
    incident,
    touchedAssets(incidentEvidence(incident), await ctx.assets(target.workspace)),
    ctx.sourceKind,
  );
}

/** Posts the incident's root card in the conversation unless it has one; true when a root was enqueued. */
export async function startThread(ctx: EmitContext, target: ThreadTarget, incident: Incident): Promise<boolean> {
  const base = keyBase(ctx, target, incident.id);
  const rootKey = `${base}:root`;
  if (!(await ctx.services.threads.add(target, ctx.tenant, incident.id, rootKey, ctx.now))) return false;
  ctx.rootStarted(target, incident.id, rootKey);
  await ctx.services.outbox.enqueue(
    { key: rootKey, ...target, op: "post", reply: cardReply(await card(ctx, target, incident), "conversation") },
    ctx.now,
  );
  await enqueueLines(ctx, target, rootKey, base, await assetLines(ctx, target, incident));
  return true;
}

/** A subscription's conversation as a thread target. */
export function targetOf(sub: Subscription): ThreadTarget {
  return { workspace: sub.workspace, platform: sub.platform, conversationId: sub.conversationId };
}

/**
 * Delivers one incident's changes to every subscribed conversation it concerns. Open matching
 * incidents without a thread get one, except during a backfill (`startThreads` false), which ends
 * by posting the most severe open incidents instead (see open-incidents.ts).
 */
export async function emitIncident(
  ctx: EmitContext,
  subs: readonly Subscription[],
  incident: Incident,
  changes: readonly IncidentChange[],
  actorName?: Attribution,
  startThreads = true,
): Promise<void> {
  for (const sub of subs) {
    if (!(await ctx.sees(sub.workspace))) continue;
    const target = targetOf(sub);
    const rootKey = await ctx.rootKey(target, incident.id);
    if (!rootKey) {
      if (startThreads && isOpen(incident) && passesFilter(incident, filterOf(sub.settings)))
        await startThread(ctx, target, incident);
      continue;
    }
    const base = keyBase(ctx, target, incident.id);
    const reply = cardReply(await card(ctx, target, incident), "conversation");
    const hash = createHash("sha256").update(JSON.stringify(reply)).digest("hex").slice(0, 16);
    await ctx.services.outbox.enqueue(
      { key: `${base}:card:${incident.lastUpdateAt}:${hash}`, ...target, op: "update", rootKey, reply },
      ctx.now,
    );
    await enqueueLines(ctx, target, rootKey, base, [
      ...changeLines(incident, changes, actorName),
      ...(await assetLines(ctx, target, incident)),
    ]);
  }
}
