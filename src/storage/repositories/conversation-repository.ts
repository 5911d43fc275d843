/** Reads and writes the conversations the bot has seen, for proactive posts later; keyed by workspace. */
import { isDeepStrictEqual } from "node:util";
import { and, desc, eq } from "drizzle-orm";
import type { ConversationRef, PlatformName } from "../../core/incoming.js";
import { Repository } from "../handle.js";

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

/** Names one conversation of one workspace. */
export interface ConversationKey {
  workspace: string;
  platform: PlatformName;
  id: string;
}

export class ConversationRepository extends Repository {
  /**
   * Saves or refreshes a conversation and marks it active again; a sighting that changes nothing writes
   * nothing, so an everyday command in a known channel costs one read here.
   */
  async remember(c: ConversationSighting, now: Date): Promise<void> {
    const { conversations } = this.t;
    const known = await this.get(c);
    if (known && unchanged(known, c)) return;
    const row = {
      ...c,
      name: c.name ?? null,
      personId: c.personId ?? null,
      active: true,
      updatedAt: now.toISOString(),
    };
    await this.q((db) =>
      db
        .insert(conversations)
        .values(row)
        .onConflictDoUpdate({
          target: [conversations.workspace, conversations.platform, conversations.id],
          set: {
            kind: row.kind,
            reference: row.reference,
            active: true,
            updatedAt: row.updatedAt,
            ...(c.name !== undefined ? { name: row.name } : {}),
            ...(c.personId !== undefined ? { personId: row.personId } : {}),
          },
        }),
    );
  }

  /** One conversation, or undefined. */
  async get(key: ConversationKey): Promise<StoredConversation | undefined> {
    const { conversations } = this.t;
    const [row] = await this.q((db) => db.select().from(conversations).where(this.match(key)));
    return row ? stored(row) : undefined;
  }

  /** True when the conversation is known and marked inactive (bot removed, channel archived, chat gone). */
  async isInactive(key: ConversationKey): Promise<boolean> {
    const { conversations } = this.t;
    const [row] = await this.q((db) =>
      db.select({ active: conversations.active }).from(conversations).where(this.match(key)),
    );
    return row !== undefined && !row.active;
  }

  /** Marks a conversation unreachable, recording it if it was never seen; the adapter re-activates it on the next event there. */
  async markGone(key: ConversationKey & { kind: ConversationRef["kind"] }, now: Date): Promise<void> {
    const { conversations } = this.t;
    await this.q((db) =>
      db
        .insert(conversations)
        .values({
          workspace: key.workspace,
          platform: key.platform,
          id: key.id,
          kind: key.kind,
          reference: {},
          active: false,
          updatedAt: now.toISOString(),
        })
        .onConflictDoUpdate({
          target: [conversations.workspace, conversations.platform, conversations.id],
          set: { active: false, updatedAt: now.toISOString() },
        }),
    );
  }

  /** The newest personal (one-to-one) conversation with a person, active or not. */
  async personal(workspace: string, platform: PlatformName, personId: number): Promise<StoredConversation | undefined> {
    const { conversations } = this.t;
    const [row] = await this.q((db) =>
      db
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
        .limit(1),
    );
    return row ? stored(row) : undefined;
  }

  /** The most recently seen active conversation of a workspace (its reference carries the service address). */
  async latestActive(workspace: string, platform: PlatformName): Promise<StoredConversation | undefined> {
    const { conversations } = this.t;
    const [row] = await this.q((db) =>
      db
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.workspace, workspace),
            eq(conversations.platform, platform),
            eq(conversations.active, true),
          ),
        )
        .orderBy(desc(conversations.updatedAt))
        .limit(1),
    );
    return row ? stored(row) : undefined;
  }

  /** The platform of any conversation seen in a workspace, or undefined. */
  async platformOf(workspace: string): Promise<PlatformName | undefined> {
    const { conversations, subscriptions } = this.t;
    const [seen] = await this.q((db) =>
      db
        .select({ platform: conversations.platform })
        .from(conversations)
        .where(eq(conversations.workspace, workspace))
        .limit(1),
    );
    if (seen) return seen.platform as PlatformName;
    const [subscribed] = await this.q((db) =>
      db
        .select({ platform: subscriptions.platform })
        .from(subscriptions)
        .where(eq(subscriptions.workspace, workspace))
        .limit(1),
    );
    return subscribed?.platform as PlatformName | undefined;
  }

  private match(key: ConversationKey) {
    const { conversations } = this.t;
    return and(
      eq(conversations.workspace, key.workspace),
      eq(conversations.platform, key.platform),
      eq(conversations.id, key.id),
    );
  }
}

function stored<T extends { platform: string; kind: string }>(row: T): T & StoredConversation {
  return { ...row, platform: row.platform as PlatformName } as T & StoredConversation;
}

/** True when storing the sighting would leave the known row as it is (apart from its time). */
function unchanged(known: StoredConversation, c: ConversationSighting): boolean {
  return (
    known.active &&
    known.kind === c.kind &&
    isDeepStrictEqual(known.reference, JSON.parse(JSON.stringify(c.reference))) &&
    (c.name === undefined || known.name === (c.name ?? null)) &&
    (c.personId === undefined || known.personId === (c.personId ?? null))
  );
}
