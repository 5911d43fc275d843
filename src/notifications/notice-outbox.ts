/**
 * Turns task notices into outbox rows: only those the recipient's `me notify` choice lets through,
 * each held until the recipient's working hours. Training off does not silence them.
 */
import { randomUUID } from "node:crypto";
import type { PlatformName } from "../core/incoming.js";
import type { OutboxItem } from "../storage/repositories/outbox-repository.js";
import { nextWorkingTime } from "../domain/working-time.js";
import { wantsNotice, type TaskNotice } from "./task-notices.js";

/** Where and when the notices of one change go. */
export interface NoticeTarget {
  workspace: string;
  platform: PlatformName;
  taskId: string;
  now: Date;
}

/** The outbox items for the notices the recipients want, in working hours, each with a unique key. */
export function noticeOutboxItems(notices: readonly TaskNotice[], target: NoticeTarget): OutboxItem[] {
  const { workspace, platform, taskId, now } = target;
  return notices
    .filter((n) => wantsNotice(n.recipient.notify, n.important))
    .map((n) => ({
      key: `task-notice:${workspace}:${taskId}:${n.kind}:${n.recipient.id}:${now.toISOString()}:${randomUUID()}`,
      workspace,
      platform,
      conversationId: n.recipient.platformUserId,
      op: "dm",
      reply: n.reply,
      notBefore: nextWorkingTime(n.recipient, now),
    }));
}
