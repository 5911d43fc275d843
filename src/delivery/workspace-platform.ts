/**
 * Which platform a workspace lives on, for direct messages to its people (people rows carry only the
 * workspace). Adapters name workspaces `slack:<team>` and `teams:<tenant>`; the console's is "console".
 * Any other name is looked up in the conversations and subscriptions seen there.
 */
import type { PlatformName } from "../core/incoming.js";
import type { ConversationRepository } from "../storage/repositories/conversation-repository.js";

const PLATFORMS: readonly string[] = ["slack", "teams", "console"];

/** The platform of a workspace, or undefined when nothing tells. */
export async function platformOfWorkspace(
  conversations: ConversationRepository,
  workspace: string,
): Promise<PlatformName | undefined> {
  if (workspace === "console") return "console";
  const prefix = workspace.split(":")[0] ?? "";
  if (workspace.includes(":") && PLATFORMS.includes(prefix)) return prefix as PlatformName;
  const known = await conversations.platformOf(workspace);
  return known && PLATFORMS.includes(known) ? known : undefined;
}
