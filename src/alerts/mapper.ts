/**
 * Graph JSON → the bot's Incident. Enums are read case-insensitively and unknown values kept; text is
 * bounded (descriptions to 4 KB); the portal link survives only when it is https on an allowed host.
 * Records without a usable id are dropped (null), since nothing could dedupe them.
 */
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  DETERMINATIONS,
  INCIDENT_STATUSES,
  SEVERITIES,
  canonicalEnum,
  type Incident,
  type IncidentAlert,
} from "../domain/incident.js";
import { KNOWN_SOURCES } from "../domain/incident-sources.js";
import { EPOCH, canonicalTime } from "../domain/incident-time.js";
import type { GraphAlert, GraphIncident } from "./alert-source.js";
import { graphId, str, strList } from "./bounded.js";
import { readEvidence } from "./evidence.js";

/** Longest description stored; cards show far less. */
export const MAX_DESCRIPTION = 4096;
/** Longest title stored. */
export const MAX_TITLE = 512;
/** The Defender portal host Graph links point at in the commercial cloud. */
export const DEFAULT_PORTAL_HOST = "security.microsoft.com";

/** The link when it is https on the portal host (or the configured one), else null: never link elsewhere. */
export function safePortalUrl(value: unknown, portalHost?: string): string | null {
  const raw = str(value, 2048);
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const allowed = [DEFAULT_PORTAL_HOST, ...(portalHost ? [portalHost.toLowerCase()] : [])];
  if (url.protocol !== "https:" || url.username || url.password || url.port || !allowed.includes(url.hostname))
    return null;
  return url.href;
}

function enumOf(value: unknown, known: readonly string[]): string {
  return canonicalEnum(value, known);
}

/** One Graph alert, or null without an id. */
export function mapAlert(raw: GraphAlert): IncidentAlert | null {
  const id = graphId(raw.id);
  if (!id) return null;
  return {
    id,
    title: str(raw.title, MAX_TITLE) ?? "(untitled alert)",
    severity: enumOf(raw.severity, SEVERITIES),
    status: enumOf(raw.status, ALERT_STATUSES),
    serviceSource: canonicalEnum(raw.serviceSource, KNOWN_SOURCES),
    detectionSource: canonicalEnum(raw.detectionSource, KNOWN_SOURCES),
    category: str(raw.category, 64) ?? "",
    mitreTechniques: strList(raw.mitreTechniques, 30, 32),
    evidence: readEvidence(raw.evidence),
    createdAt: canonicalTime(raw.createdDateTime),
    lastUpdateAt: canonicalTime(raw.lastUpdateDateTime) ?? canonicalTime(raw.createdDateTime) ?? EPOCH,
  };
}

/** One Graph incident with its expanded alerts, or null without an id. */
export function mapIncident(raw: GraphIncident, tenant: string, portalHost?: string): Incident | null {
  const id = graphId(raw.id);
  if (!id) return null;
  const alerts = Array.isArray(raw.alerts)
    ? raw.alerts.flatMap((a) => (a && typeof a === "object" ? [mapAlert(a as GraphAlert)] : []))
    : [];
  return {
    tenant,
    id,
    displayName: str(raw.displayName, MAX_TITLE) ?? `Incident ${id}`,
    description: str(raw.description, MAX_DESCRIPTION) ?? "",
    severity: enumOf(raw.severity, SEVERITIES),
    status: enumOf(raw.status, INCIDENT_STATUSES),
    classification: enumOf(raw.classification, CLASSIFICATIONS),
    determination: enumOf(raw.determination, DETERMINATIONS),
    assignedTo: str(raw.assignedTo, 256),
    webUrl: safePortalUrl(raw.incidentWebUrl, portalHost),
    redirectIncidentId: graphId(raw.redirectIncidentId),
    customTags: strList(raw.customTags, 20, 64),
    createdAt: canonicalTime(raw.createdDateTime),
    lastUpdateAt: canonicalTime(raw.lastUpdateDateTime) ?? canonicalTime(raw.createdDateTime) ?? EPOCH,
    alerts: alerts.filter((a): a is IncidentAlert => a !== null),
  };
}
