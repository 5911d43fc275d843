/** Reads and writes conversation subscriptions. */
import { and, eq } from "drizzle-orm";
import type { PlatformName } from "../../core/incoming.js";
import type { Db } from "../db.js";
import { subscriptions } from "../schema/subscriptions.js";

/** A stored subscription. */
export interface Subscription {
  id: number;
  workspace: string;
  platform: PlatformName;
  conversationId: string;
  kind: string;
  settings: Record<string, unknown>;
  createdAt: string;
}

/** Access to subscriptions. */
export class SubscriptionRepository {
  constructor(private readonly db: Db) {}

  /** Creates or replaces the conversation's subscription of that kind. */
  put(s: Omit<Subscription, "id" | "createdAt"> & { createdBy: number | null }, now: Date): void {
    this.db
      .insert(subscriptions)
      .values({ ...s, createdAt: now.toISOString() })
      .onConflictDoUpdate({
        target: [subscriptions.platform, subscriptions.conversationId, subscriptions.kind],
        set: { settings: s.settings, createdBy: s.createdBy },
      })
      .run();
  }

  /** Removes one; true when there was one. */
  remove(platform: PlatformName, conversationId: string, kind: string): boolean {
    return (
      this.db
        .delete(subscriptions)
        .where(
          and(
            eq(subscriptions.platform, platform),
            eq(subscriptions.conversationId, conversationId),
            eq(subscriptions.kind, kind),
          ),
        )
        .run().changes > 0
    );
  }

  /** The subscriptions of one conversation. */
  forConversation(platform: PlatformName, conversationId: string): Subscription[] {
    return this.db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.platform, platform), eq(subscriptions.conversationId, conversationId)))
      .all() as Subscription[];
  }

  /** Every subscription of a kind, across workspaces (for jobs). */
  ofKind(kind: string): Subscription[] {
    return this.db.select().from(subscriptions).where(eq(subscriptions.kind, kind)).all() as Subscription[];
  }
}
