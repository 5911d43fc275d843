/**
 * Incidents and alerts as the bot keeps them: normalized from Microsoft Graph, bounded in size, with
 * evolvable enums kept as strings (a value Graph adds tomorrow is stored and shown, never rejected).
 */

/** Known alert/incident severities, lowest first; anything else ranks with `unknown`. */
export const SEVERITIES = ["unknown", "informational", "low", "medium", "high"] as const;

/** Incident statuses Graph documents (plus the evolvable `awaitingAction`). */
export const INCIDENT_STATUSES = [
  "active",
  "inProgress",
  "resolved",
  "redirected",
  "awaitingAction",
  "unknownFutureValue",
] as const;

/** Statuses that mean the incident needs no more work. */
export const CLOSED_STATUSES: readonly string[] = ["resolved", "redirected"];

/** Alert statuses Graph documents. */
export const ALERT_STATUSES = ["unknown", "new", "inProgress", "resolved", "unknownFutureValue"] as const;

/** Classifications (metadata names). */
export const CLASSIFICATIONS = [
  "unknown",
  "falsePositive",
  "truePositive",
  "informationalExpectedActivity",
  "unknownFutureValue",
] as const;

/** Graph's alertClassification enum (microsoft.graph.security.alertClassification). */
export type AlertClassification = (typeof CLASSIFICATIONS)[number];

/** Determinations per Graph metadata; the old prose names are read but never sent. */
export const DETERMINATIONS = [
  "unknown",
  "apt",
  "malware",
  "securityPersonnel",
  "securityTesting",
  "unwantedSoftware",
  "other",
  "multiStagedAttack",
  "compromisedAccount",
  "phishing",
  "maliciousUserActivity",
  "notMalicious",
  "notEnoughDataToValidate",
  "confirmedActivity",
  "lineOfBusinessApplication",
  "unknownFutureValue",
] as const;

/** Graph's alertDetermination enum (microsoft.graph.security.alertDetermination). */
export type AlertDetermination = (typeof DETERMINATIONS)[number];

/** What one piece of evidence is about, reduced to the few kinds the bot shows and matches assets on. */
export type EvidenceKind = "device" | "user" | "mailbox" | "ip" | "file" | "url" | "cloud" | "process" | "other";

/** One compact piece of evidence: a kind and the identifying value (device name, UPN, IP, …). */
export interface EvidenceItem {
  kind: EvidenceKind;
  value: string;
}

export interface IncidentAlert {
  id: string;
  title: string;
  severity: string;
  status: string;
  serviceSource: string;
  detectionSource: string;
  category: string;
  mitreTechniques: string[];
  evidence: EvidenceItem[];
  createdAt: string | null;
  lastUpdateAt: string;
}

/** An incident of one Graph tenant, with its alerts. */
export interface Incident {
  tenant: string;
  id: string;
  displayName: string;
  description: string;
  severity: string;
  status: string;
  classification: string;
  determination: string;
  assignedTo: string | null;
  /** The Defender portal link, only when it points at an allowed portal host. */
  webUrl: string | null;
  redirectIncidentId: string | null;
  customTags: string[];
  createdAt: string | null;
  lastUpdateAt: string;
  alerts: IncidentAlert[];
}

/** Matches a Graph enum value case-insensitively to a known value; unknown values are kept (trimmed, bounded). */
export function canonicalEnum(value: unknown, known: readonly string[], fallback = "unknown"): string {
  if (typeof value !== "string" || value.trim() === "") return fallback;
  const trimmed = value.trim();
  return known.find((k) => k.toLowerCase() === trimmed.toLowerCase()) ?? trimmed.slice(0, 64);
}

/** Orders severities; unknown or unrecognised values rank lowest. */
export function severityRank(severity: string): number {
  return Math.max(0, (SEVERITIES as readonly string[]).indexOf(severity));
}

/** Reads a severity word typed by a person (`high`, `Medium`, `info`), or undefined. */
export function parseSeverityWord(word: string): (typeof SEVERITIES)[number] | undefined {
  const lower = word.toLowerCase();
  if (lower === "info") return "informational";
  return SEVERITIES.find((s) => s === lower && s !== "unknown");
}

/** True while the incident still needs work. */
export function isOpen(incident: Pick<Incident, "status">): boolean {
  return !CLOSED_STATUSES.includes(incident.status);
}

/** Words for an enum value: `inProgress` → `in progress`, `truePositive` → `true positive`. */
export function enumLabel(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** Every distinct evidence item of the incident's alerts. */
export function incidentEvidence(incident: Pick<Incident, "alerts">): EvidenceItem[] {
  const seen = new Map<string, EvidenceItem>();
  for (const alert of incident.alerts)
    for (const e of alert.evidence) seen.set(`${e.kind}:${e.value.toLowerCase()}`, e);
  return [...seen.values()];
}

/** The distinct values of one alert field across the incident, e.g. its service sources. */
export function alertValues(
  incident: Pick<Incident, "alerts">,
  field: "serviceSource" | "detectionSource" | "category",
): string[] {
  return [...new Set(incident.alerts.map((a) => a[field]).filter((v) => v && v !== "unknown"))];
}
