/** The history row shared by the commands that name people to a role (`stakeholder`, `arealead`, `oncall`). */
import type { CommandContext } from "../../src/app/command.js";
import type { Person } from "../../src/domain/person.js";
import type { Repositories } from "../../src/storage/storage.js";

/** Display names, comma-separated. */
export const names = (people: readonly Pick<Person, "displayName">[]) => people.map((p) => p.displayName).join(", ");

/** Records that `entity` now names `after` instead of `before` (lists of display names, empty for nobody). */
export async function recordNamed(
  tx: Repositories,
  ctx: CommandContext,
  entity: { type: string; id: string },
  before: string,
  after: string,
): Promise<void> {
  await tx.audit.record({
    workspace: ctx.workspace,
    entityType: entity.type,
    entityId: entity.id,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    action: "named",
    oldValue: before || null,
    newValue: after || null,
    at: ctx.now,
  });
}
