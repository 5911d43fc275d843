/** Reads and writes the conversations the bot has seen, for proactive posts later. */
import { and, eq } from "drizzle-orm";
import type { ConversationRef, PlatformName } from "../../core/incoming.js";
import type { Db } from "../db.js";
import { conversations } from "../schema/conversations.js";

/** A conversation as stored: where it is, what kind, and the platform's reference to reach it. */
export interface StoredConversation {
  workspace: string;
  platform: PlatformName;
  id: string;
  kind: ConversationRef["kind"];
  name: string | null;
  personId: number | null;
  reference: Record<string, unknown>;
  active: boolean;
  updatedAt: string;
}

/** What an adapter saves when it sees a conversation. */
export type ConversationSighting = Pick<StoredConversation, "workspace" | "platform" | "id" | "kind" | "reference"> & {
  name?: string | null;
  personId?: number | null;
};

/** Access to saved conversations. */
export class ConversationRepository {
  constructor(private readonly db: Db) {}

  /** Saves or refreshes a conversation and marks it active again. */
  remember(c: ConversationSighting, now: Date): void {
    const row = {
      ...c,
      name: c.name ?? null,
      personId: c.personId ?? null,
      active: true,
      updatedAt: now.toISOString(),
    };
    this.db
      .insert(conversations)
      .values(row)
      .onConflictDoUpdate({
        target: [conversations.platform, conversations.id],
        set: {
          workspace: row.workspace,
          kind: row.kind,
          reference: row.reference,
          active: true,
          updatedAt: row.updatedAt,
          ...(c.name !== undefined ? { name: row.name } : {}),
        },
      })
      .run();
  }

  /** One conversation, or undefined. */
  get(platform: PlatformName, id: string): StoredConversation | undefined {
    const row = this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.platform, platform), eq(conversations.id, id)))
      .get();
    return row ? { ...row, platform: row.platform as PlatformName } : undefined;
  }

  /** Marks a conversation unreachable (archived, deleted, bot removed) so nothing more is sent there. */
  markGone(platform: PlatformName, id: string, now: Date): void {
    this.db
      .update(conversations)
      .set({ active: false, updatedAt: now.toISOString() })
      .where(and(eq(conversations.platform, platform), eq(conversations.id, id)))
      .run();
  }
}
