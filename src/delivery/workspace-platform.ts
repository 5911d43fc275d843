/**
 * Which platform a workspace lives on, for direct messages to its people (people rows carry only the
 * workspace). Adapters name workspaces `slack:<team>` and `teams:<tenant>`; the console's is "console".
 * Any other name is looked up in the conversations and subscriptions seen there.
 */
import { eq } from "drizzle-orm";
import type { PlatformName } from "../core/incoming.js";
import type { Db } from "../storage/db.js";
import { conversations } from "../storage/schema/conversations.js";
import { subscriptions } from "../storage/schema/subscriptions.js";

const PLATFORMS: readonly string[] = ["slack", "teams", "console"];

/** The platform of a workspace, or undefined when nothing tells. */
export function platformOfWorkspace(db: Db, workspace: string): PlatformName | undefined {
  if (workspace === "console") return "console";
  const prefix = workspace.split(":")[0] ?? "";
  if (workspace.includes(":") && PLATFORMS.includes(prefix)) return prefix as PlatformName;
  const known =
    db
      .select({ platform: conversations.platform })
      .from(conversations)
      .where(eq(conversations.workspace, workspace))
      .get()?.platform ??
    db
      .select({ platform: subscriptions.platform })
      .from(subscriptions)
      .where(eq(subscriptions.workspace, workspace))
      .get()?.platform;
  return known && PLATFORMS.includes(known) ? (known as PlatformName) : undefined;
}
