/** Whether the bot may still post in a conversation: a delivery that says "gone" marks it inactive. */
import { and, eq } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import type { Db } from "../db.js";
import { conversations } from "../schema/conversations.js";

/** True when the conversation is known and marked inactive (bot removed, channel archived, chat gone). */
export function isConversationInactive(db: Db, platform: PlatformName, id: string): boolean {
  const row = db
    .select({ active: conversations.active })
    .from(conversations)
    .where(and(eq(conversations.platform, platform), eq(conversations.id, id)))
    .get();
  return row !== undefined && !row.active;
}

/** Marks a conversation inactive, recording it if it was never seen; the adapter re-activates it on the next event there. */
export function markConversationInactive(
  db: Db,
  c: { workspace: string; platform: PlatformName; id: string; kind: "channel" | "personal" },
  now: Date,
): void {
  db.insert(conversations)
    .values({
      workspace: c.workspace,
      platform: c.platform,
      id: c.id,
      kind: c.kind,
      reference: {},
      active: false,
      updatedAt: now.toISOString(),
    })
    .onConflictDoUpdate({
      target: [conversations.platform, conversations.id],
      set: { active: false, updatedAt: now.toISOString() },
    })
    .run();
}
