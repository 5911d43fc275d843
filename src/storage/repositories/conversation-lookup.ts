/** Finding saved conversations by who or where, for adapters that must pick one to post in. */
import { and, desc, eq } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import type { Db } from "../db.js";
import { conversations } from "../schema/conversations.js";
import type { StoredConversation } from "./conversation-repository.js";

function stored(row: typeof conversations.$inferSelect | undefined): StoredConversation | undefined {
  return row ? { ...row, platform: row.platform as PlatformName } : undefined;
}

/** The newest personal (one-to-one) conversation with a person, active or not. */
export function personalConversation(
  db: Db,
  workspace: string,
  platform: PlatformName,
  personId: number,
): StoredConversation | undefined {
  const row = db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspace, workspace),
        eq(conversations.platform, platform),
        eq(conversations.kind, "personal"),
        eq(conversations.personId, personId),
      ),
    )
    .orderBy(desc(conversations.updatedAt))
    .get();
  return stored(row);
}

/** The most recently seen active conversation of a workspace (its reference carries the service address). */
export function latestActiveConversation(
  db: Db,
  workspace: string,
  platform: PlatformName,
): StoredConversation | undefined {
  const row = db
    .select()
    .from(conversations)
    .where(
      and(eq(conversations.workspace, workspace), eq(conversations.platform, platform), eq(conversations.active, true)),
    )
    .orderBy(desc(conversations.updatedAt))
    .get();
  return stored(row);
}
