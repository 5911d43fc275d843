/** Records and reads the change history. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db.js";
import { auditEvents } from "../schema/audit.js";

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

/** Access to the audit log. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends one change. */
  record(e: AuditInput): void {
    this.db
      .insert(auditEvents)
      .values({
        ...e,
        oldValue: e.oldValue ?? null,
        newValue: e.newValue ?? null,
        note: e.note ?? null,
        at: e.at.toISOString(),
      })
      .run();
  }

  /** The history of one entity, oldest first. */
  history(workspace: string, entityType: string, entityId: string): AuditEvent[] {
    return this.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspace, workspace),
          eq(auditEvents.entityType, entityType),
          eq(auditEvents.entityId, entityId),
        ),
      )
      .orderBy(asc(auditEvents.id))
      .all();
  }
}
