/** Performs one outbox row through a Messenger and returns where it landed. */
import type { PlatformName } from "../core/incoming.js";
import type { Messenger } from "../core/messenger.js";
import type { Reply } from "../core/reply.js";
import type { DeliveredRef, OutboxRow } from "../storage/repositories/outbox-repository.js";

/** Sends `row`; `root` is the sent row a reply or update refers to. Throws what the Messenger throws. */
export async function sendRow(
  messenger: Messenger,
  row: OutboxRow,
  root: OutboxRow | undefined,
): Promise<DeliveredRef> {
  const reply = row.reply as Reply;
  const target = {
    platform: row.platform as PlatformName,
    workspace: row.workspace,
    conversationId: row.conversationId,
  };
  switch (row.op) {
    case "post": {
      const sent = await messenger.post(target, reply);
      return { ...sent, conversationId: row.conversationId };
    }
    case "dm":
      return messenger.dm(row.workspace, row.conversationId, reply);
    case "reply":
    case "update": {
      if (!root?.messageId) throw new Error(`outbox ${row.key}: root ${row.rootKey ?? "?"} is not sent`);
      const inRoot = { ...target, conversationId: root.deliveredConversationId ?? root.conversationId };
      if (row.op === "update") {
        await messenger.update(inRoot, root.messageId, reply);
        return {
          messageId: root.messageId,
          threadId: root.threadId ?? root.messageId,
          conversationId: inRoot.conversationId,
        };
      }
      const sent = await messenger.reply(inRoot, root.threadId ?? root.messageId, reply);
      return { ...sent, conversationId: inRoot.conversationId };
    }
  }
}
