/** The whole change history of a workspace, for the workbook's audit sheet and `export csv audit`. */
import { and, asc, eq, gte } from "drizzle-orm";
import { Repository } from "../handle.js";
import type { AuditEvent } from "./audit-repository.js";

/** Reads the audit log in bulk. */
export class AuditLogRepository extends Repository {
  /** Every change in a workspace since `since` (an ISO time, inclusive), oldest first. */
  list(workspace: string, since?: string): Promise<AuditEvent[]> {
    const { auditEvents } = this.t;
    const where = since
      ? and(eq(auditEvents.workspace, workspace), gte(auditEvents.at, since))
      : eq(auditEvents.workspace, workspace);
    return this.q((db) =>
      db
        .select({
          entityType: auditEvents.entityType,
          entityId: auditEvents.entityId,
          actorName: auditEvents.actorName,
          action: auditEvents.action,
          oldValue: auditEvents.oldValue,
          newValue: auditEvents.newValue,
          note: auditEvents.note,
          at: auditEvents.at,
        })
        .from(auditEvents)
        .where(where)
        .orderBy(asc(auditEvents.id)),
    );
  }
}
