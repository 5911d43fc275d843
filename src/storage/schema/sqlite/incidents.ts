/**
 * Incidents and alerts synced from Microsoft Graph, their change history, the sync cursor, the
 * incident threads posted per conversation, and the watched (honeypot / critical) assets.
 *
 * Tenancy: incidents, alerts, changes and the cursor belong to the Graph tenant they were read from
 * (`tenant`), not to a chat workspace; a conversation sees them only through its own subscription,
 * which carries its workspace. Threads and watched assets are per workspace, like everything else.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { EvidenceItem } from "../../../domain/incident.js";

/** One incident per Graph tenant and id, as last seen (newest lastUpdateDateTime wins). */
export const incidents = sqliteTable(
  "incidents",
  {
    tenant: text("tenant").notNull(),
    id: text("id").notNull(),
    displayName: text("display_name").notNull(),
    description: text("description").notNull(),
    severity: text("severity").notNull(),
    severityRank: integer("severity_rank").notNull(),
    status: text("status").notNull(),
    classification: text("classification").notNull(),
    determination: text("determination").notNull(),
    assignedTo: text("assigned_to"),
    webUrl: text("web_url"),
    redirectIncidentId: text("redirect_incident_id"),
    customTags: text("custom_tags", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: text("created_at"),
    lastUpdateAt: text("last_update_at").notNull(),
    firstSeenAt: text("first_seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.id] }), index("incidents_open").on(t.tenant, t.status, t.severityRank)],
);

/** One alert per Graph tenant and id, linked to its incident. */
export const incidentAlerts = sqliteTable(
  "incident_alerts",
  {
    tenant: text("tenant").notNull(),
    id: text("id").notNull(),
    incidentId: text("incident_id").notNull(),
    title: text("title").notNull(),
    severity: text("severity").notNull(),
    status: text("status").notNull(),
    serviceSource: text("service_source").notNull(),
    detectionSource: text("detection_source").notNull(),
    category: text("category").notNull(),
    mitreTechniques: text("mitre_techniques", { mode: "json" }).$type<string[]>().notNull(),
    evidence: text("evidence", { mode: "json" }).$type<EvidenceItem[]>().notNull(),
    createdAt: text("created_at"),
    lastUpdateAt: text("last_update_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenant, t.id] }),
    index("incident_alerts_incident").on(t.tenant, t.incidentId, t.createdAt),
    index("incident_alerts_created").on(t.tenant, t.createdAt),
  ],
);

/** The history of meaningful changes: created, a tracked field old → new, an alert added. */
export const incidentChanges = sqliteTable(
  "incident_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tenant: text("tenant").notNull(),
    incidentId: text("incident_id").notNull(),
    field: text("field").notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    alertId: text("alert_id"),
    /** The incident's lastUpdateDateTime that carried the change. */
    changedAt: text("changed_at").notNull(),
    recordedAt: text("recorded_at").notNull(),
    actorName: text("actor_name"),
  },
  (t) => [
    index("incident_changes_incident").on(t.tenant, t.incidentId),
    index("incident_changes_time").on(t.tenant, t.changedAt),
  ],
);

/** The thread root posted for an incident in a conversation: at most one, ever. */
export const incidentThreads = sqliteTable(
  "incident_threads",
  {
    workspace: text("workspace").notNull(),
    platform: text("platform").notNull(),
    conversationId: text("conversation_id").notNull(),
    tenant: text("tenant").notNull(),
    incidentId: text("incident_id").notNull(),
    rootKey: text("root_key").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("incident_threads_target").on(t.workspace, t.platform, t.conversationId, t.tenant, t.incidentId)],
);

/** A honeypot or business-critical asset a workspace watches. */
export const watchedAssets = sqliteTable(
  "watched_assets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspace: text("workspace").notNull(),
    type: text("type", { enum: ["device", "account", "ip", "cloud"] }).notNull(),
    value: text("value").notNull(),
    label: text("label").notNull(),
    mark: text("mark", { enum: ["honeypot", "critical"] }).notNull(),
    createdBy: integer("created_by"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("watched_assets_value").on(t.workspace, t.value)],
);

/** Where each sync stream (incidents, alerts) of a tenant stands, and the run in progress if one was cut short. */
export const incidentSyncState = sqliteTable(
  "incident_sync_state",
  {
    tenant: text("tenant").notNull(),
    stream: text("stream").notNull(),
    /** Everything updated before this was stored; the next run reads from here (minus a small overlap). */
    cursor: text("cursor"),
    /** The lower bound of a run not yet finished; a restart repeats the run from here. */
    runSince: text("run_since"),
    runMax: text("run_max"),
    runPages: integer("run_pages").notNull().default(0),
    runItems: integer("run_items").notNull().default(0),
    lastSuccessAt: text("last_success_at"),
    lastError: text("last_error"),
    lastErrorAt: text("last_error_at"),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.stream] })],
);
