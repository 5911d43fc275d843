/**
 * Saves where the bot can speak later: on every inbound activity (install events and every
 * message) the conversation reference is stored, keyed by the channel for channel threads, so a
 * proactive post can start a new thread there. Removal events mark the conversation inactive.
 */
import { TurnContext, type Activity } from "botbuilder";
import type { Identity } from "../../src/core/incoming.js";
import type { ConversationRepository } from "../../src/storage/repositories/conversation-repository.js";
import type { PeopleRepository } from "../../src/storage/repositories/people-repository.js";
import { conversationOf, workspaceOf } from "./parse.js";

/** What saving a reference needs. */
export interface ReferenceStore {
  conversations: ConversationRepository;
  people: PeopleRepository;
}

function tenantOf(activity: Partial<Activity>): string | undefined {
  const workspace = workspaceOf(activity);
  return workspace === "teams:no-tenant" ? undefined : workspace.slice("teams:".length);
}

function nameOf(activity: Partial<Activity>): string | null {
  const data = activity.channelData as { channel?: { name?: unknown }; team?: { name?: unknown } } | undefined;
  const name = data?.channel?.name ?? data?.team?.name ?? activity.conversation?.name;
  return typeof name === "string" ? name.slice(0, 200) : null;
}

/** The reference to keep for an activity: no activity id (proactive posts never reply to it), tenant included. */
export function referenceFor(activity: Partial<Activity>, conversationId: string): Record<string, unknown> {
  const ref = TurnContext.getConversationReference(activity);
  delete ref.activityId;
  const tenantId = tenantOf(activity);
  ref.conversation = {
    ...(ref.conversation ?? { isGroup: false, name: "", conversationType: "" }),
    id: conversationId,
    ...(tenantId ? { tenantId } : {}),
  };
  return JSON.parse(JSON.stringify(ref)) as Record<string, unknown>;
}

/** Saves (or refreshes and re-activates) the conversation an activity came from. */
export async function rememberConversation(
  store: ReferenceStore,
  activity: Partial<Activity>,
  sender: Identity | undefined,
  now: Date,
): Promise<void> {
  if (
    typeof activity.serviceUrl !== "string" ||
    typeof activity.conversation?.id !== "string" ||
    !activity.conversation.id
  )
    return;
  const where = conversationOf(activity);
  const personId =
    where.kind === "personal" && sender ? (await store.people.upsert(where.workspace, sender)).id : undefined;
  await store.conversations.remember(
    {
      workspace: where.workspace,
      platform: "teams",
      id: where.id,
      kind: where.kind,
      reference: referenceFor(activity, where.id),
      name: nameOf(activity),
      ...(personId !== undefined ? { personId } : {}),
    },
    now,
  );
}

/** True when the activity says the bot was removed (uninstalled, or removed from the team or chat). */
export function isBotRemoval(activity: Partial<Activity>): boolean {
  if (activity.type === "installationUpdate")
    return typeof activity.action === "string" && activity.action.startsWith("remove");
  if (activity.type === "conversationUpdate")
    return (activity.membersRemoved ?? []).some((m) => m?.id === activity.recipient?.id);
  return false;
}

/** True when the activity says the bot was just added to a team, chat or personal scope. */
export function isBotAddition(activity: Partial<Activity>): boolean {
  return (
    activity.type === "conversationUpdate" &&
    (activity.membersAdded ?? []).some((m) => m?.id === activity.recipient?.id)
  );
}

/** Marks the activity's conversation inactive, so nothing more is posted there. */
export async function forgetConversation(store: ReferenceStore, activity: Partial<Activity>, now: Date): Promise<void> {
  const where = conversationOf(activity);
  await store.conversations.markGone(
    { workspace: where.workspace, platform: "teams", id: where.id, kind: where.kind },
    now,
  );
}
