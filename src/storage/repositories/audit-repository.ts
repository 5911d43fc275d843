/** Records and reads the change history. */
import { and, asc, eq } from "drizzle-orm";
import { Repository } from "../handle.js";

/** One recorded change. */
export interface AuditEvent {
  entityType: string;
  entityId: string;
  actorName: string;
  action: string;
  oldValue: string | null;
  newValue: string | null;
  note: string | null;
  at: string;
}

/** What a caller records: the actor, the entity, and old → new. */
export interface AuditInput {
  workspace: string;
  entityType: string;
  entityId: string;
  actorId: number | null;
  actorName: string;
  action: string;
  oldValue?: string | null;
  newValue?: string | null;
  note?: string | null;
  at: Date;
}

export class AuditRepository extends Repository {
  /** Appends one change. */
  async record(e: AuditInput): Promise<void> {
    const { auditEvents } = this.t;
    await this.q((db) =>
      db.insert(auditEvents).values({
        ...e,
        oldValue: e.oldValue ?? null,
        newValue: e.newValue ?? null,
        note: e.note ?? null,
        at: e.at.toISOString(),
      }),
    );
  }

  /** The history of one entity, oldest first. */
  history(workspace: string, entityType: string, entityId: string): Promise<AuditEvent[]> {
    const { auditEvents } = this.t;
    return this.q((db) =>
      db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.workspace, workspace),
            eq(auditEvents.entityType, entityType),
            eq(auditEvents.entityId, entityId),
          ),
        )
        .orderBy(asc(auditEvents.id)),
    );
  }
}
