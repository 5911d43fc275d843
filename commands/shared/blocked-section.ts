/** The Blocked section `plan` shows above everything else that needs attention: task, owner, reason, days blocked. */
import type { Block } from "../../src/core/reply.js";
import { blockedFacts, blockedFor } from "../../src/digest/facts.js";
import type { Task } from "../../src/domain/task.js";

/** Rows shown before "…and N more". */
const SHOWN = 10;

/** A heading and one row per blocked task, longest blocked first; nothing when no task is blocked. */
export function blockedSection(tasks: readonly Task[], today: string): Block[] {
  const blocked = blockedFacts(tasks, today);
  if (blocked.length === 0) return [];
  return [
    { type: "text", spans: [{ bold: `Blocked (${blocked.length})` }] },
    {
      type: "list",
      items: blocked.slice(0, SHOWN).map((b) => ({
        label: `${b.taskId}  ${b.title}`,
        detail: `${b.owner ?? "no owner"} · ${blockedFor(b.daysBlocked)} · ${b.reason}`,
      })),
      more: Math.max(0, blocked.length - SHOWN),
    },
  ];
}
