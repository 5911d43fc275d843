/** The whole change history of a workspace, for the workbook's audit sheet and `export csv audit`; async for a second engine. */
import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "../db.js";
import { auditEvents } from "../schema/audit.js";
import type { AuditEvent } from "./audit-repository.js";

/** Reads the audit log in bulk. */
export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  /** Every change in a workspace since `since` (an ISO time, inclusive), oldest first. */
  async list(workspace: string, since?: string): Promise<AuditEvent[]> {
    const where = since
      ? and(eq(auditEvents.workspace, workspace), gte(auditEvents.at, since))
      : eq(auditEvents.workspace, workspace);
    return this.db
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
      .orderBy(asc(auditEvents.id))
      .all();
  }
}
