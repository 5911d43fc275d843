/** Reads and writes conversation subscriptions, keyed by workspace, platform and conversation. */
import { and, eq } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import { Repository } from "../handle.js";
import type { ConversationKey } from "./conversation-repository.js";

export interface Subscription {
  id: number;
  workspace: string;
  platform: PlatformName;
  conversationId: string;
  kind: string;
  settings: Record<string, unknown>;
  createdAt: string;
}

export class SubscriptionRepository extends Repository {
  /** Creates or replaces the conversation's subscription of that kind. */
  async put(s: Omit<Subscription, "id" | "createdAt"> & { createdBy: number | null }, now: Date): Promise<void> {
    const { subscriptions } = this.t;
    await this.q((db) =>
      db
        .insert(subscriptions)
        .values({ ...s, createdAt: now.toISOString() })
        .onConflictDoUpdate({
          target: [subscriptions.workspace, subscriptions.platform, subscriptions.conversationId, subscriptions.kind],
          set: { settings: s.settings, createdBy: s.createdBy },
        }),
    );
  }

  /** Removes one; true when there was one. */
  async remove(conversation: ConversationKey, kind: string): Promise<boolean> {
    const { subscriptions } = this.t;
    const removed = await this.q((db) =>
      db
        .delete(subscriptions)
        .where(and(this.of(conversation), eq(subscriptions.kind, kind)))
        .returning({ id: subscriptions.id }),
    );
    return removed.length > 0;
  }

  /** Removes every subscription in a workspace (the app was uninstalled there); returns how many. */
  async removeWorkspace(workspace: string, platform: PlatformName): Promise<number> {
    const { subscriptions } = this.t;
    const removed = await this.q((db) =>
      db
        .delete(subscriptions)
        .where(and(eq(subscriptions.workspace, workspace), eq(subscriptions.platform, platform)))
        .returning({ id: subscriptions.id }),
    );
    return removed.length;
  }

  /** The subscriptions of one conversation. */
  async forConversation(conversation: ConversationKey): Promise<Subscription[]> {
    const { subscriptions } = this.t;
    const rows = await this.q((db) =>
      db.select().from(subscriptions).where(this.of(conversation)).orderBy(subscriptions.id),
    );
    return rows as Subscription[];
  }

  /** Every subscription of a kind, across workspaces (for jobs). */
  async ofKind(kind: string): Promise<Subscription[]> {
    const { subscriptions } = this.t;
    const rows = await this.q((db) =>
      db.select().from(subscriptions).where(eq(subscriptions.kind, kind)).orderBy(subscriptions.id),
    );
    return rows as Subscription[];
  }

  private of(c: ConversationKey) {
    const { subscriptions } = this.t;
    return and(
      eq(subscriptions.workspace, c.workspace),
      eq(subscriptions.platform, c.platform),
      eq(subscriptions.conversationId, c.id),
    );
  }
}
