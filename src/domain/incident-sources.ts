/**
 * Which product raised an alert (Graph `serviceSource` / `detectionSource`), the short names people
 * type for them, and the subscription filter (minimum severity, sources) an incident must pass.
 */
import { alertValues, severityRank, type Incident } from "./incident.js";

/** Short names for the service sources, as typed after `source`. */
const ALIASES: Record<string, string> = {
  mde: "microsoftDefenderForEndpoint",
  endpoint: "microsoftDefenderForEndpoint",
  mdi: "microsoftDefenderForIdentity",
  identity: "microsoftDefenderForIdentity",
  mdca: "microsoftDefenderForCloudApps",
  cloudapps: "microsoftDefenderForCloudApps",
  mdo: "microsoftDefenderForOffice365",
  office: "microsoftDefenderForOffice365",
  xdr: "microsoft365Defender",
  entra: "azureAdIdentityProtection",
  appgov: "microsoftAppGovernance",
  dlp: "dataLossPrevention",
  mdc: "microsoftDefenderForCloud",
  sentinel: "microsoftSentinel",
  irm: "microsoftInsiderRiskManagement",
  mdti: "microsoftThreatIntelligence",
};

/** Readable names for the sources people see on cards. */
const LABELS: Record<string, string> = {
  microsoftDefenderForEndpoint: "Defender for Endpoint",
  microsoftDefenderForIdentity: "Defender for Identity",
  microsoftDefenderForCloudApps: "Defender for Cloud Apps",
  microsoftDefenderForOffice365: "Defender for Office 365",
  microsoft365Defender: "Defender XDR",
  azureAdIdentityProtection: "Entra ID Protection",
  microsoftAppGovernance: "App governance",
  dataLossPrevention: "Data loss prevention",
  microsoftDefenderForCloud: "Defender for Cloud",
  microsoftSentinel: "Microsoft Sentinel",
  microsoftInsiderRiskManagement: "Insider risk management",
  microsoftThreatIntelligence: "Threat intelligence",
};

/** Detection sources Graph documents, accepted after `source` by their full name. */
const DETECTION_SOURCES = [
  "antivirus",
  "smartScreen",
  "customTi",
  "automatedInvestigation",
  "microsoftThreatExperts",
  "customDetection",
  "cloudAppSecurity",
  "manual",
  "microsoftDataLossPrevention",
  "appGovernancePolicy",
  "appGovernanceDetection",
  "microsoftDefenderForIoT",
  "microsoftDefenderForServers",
  "microsoftDefenderForStorage",
  "microsoftDefenderForDNS",
  "microsoftDefenderForDatabases",
  "microsoftDefenderForContainers",
  "microsoftDefenderForNetwork",
  "microsoftDefenderForAppService",
  "microsoftDefenderForKeyVault",
  "microsoftDefenderForResourceManager",
  "microsoftDefenderForApiManagement",
  "nrtAlerts",
  "scheduledAlerts",
  "microsoftDefenderThreatIntelligenceAnalytics",
  "builtInMl",
];

/**
 * Sources only Graph beta sends; the bot reads v1.0, so they are recognised and labelled "(beta)"
 * if they ever arrive, but not offered after `source`.
 */
export const BETA_ONLY_SOURCES: readonly string[] = ["microsoftDefenderForAIServices", "securityCopilot"];

const BETA_LABELS: Record<string, string> = {
  microsoftDefenderForAIServices: "Defender for AI services (beta)",
  securityCopilot: "Security Copilot (beta)",
};

/** Every source name Graph documents (service and detection sources), for case-insensitive reading. */
export const KNOWN_SOURCES: readonly string[] = [
  "unknown",
  ...Object.keys(LABELS),
  ...DETECTION_SOURCES,
  ...BETA_ONLY_SOURCES,
  "unknownFutureValue",
];

/** The short names, for usage lines and refusals. */
export const SOURCE_ALIASES: readonly string[] = Object.keys(ALIASES);

/** The Graph name for a typed source (alias or full name, any case), or undefined. */
export function parseSourceWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (ALIASES[lower]) return ALIASES[lower];
  return [...Object.keys(LABELS), ...DETECTION_SOURCES].find((s) => s.toLowerCase() === lower);
}

/** A readable source name; unknown values are returned as they are (renderers escape them). */
export function sourceLabel(source: string): string {
  return LABELS[source] ?? BETA_LABELS[source] ?? source;
}

/** What a conversation asked for: a minimum severity and optionally some sources. */
export interface IncidentFilter {
  minSeverity: string;
  sources: string[];
}

/** True when the incident is severe enough and, if sources were named, one of its alerts came from one. */
export function passesFilter(incident: Incident, filter: IncidentFilter): boolean {
  if (severityRank(incident.severity) < severityRank(filter.minSeverity)) return false;
  if (filter.sources.length === 0) return true;
  const wanted = new Set(filter.sources.map((s) => s.toLowerCase()));
  const seen = [...alertValues(incident, "serviceSource"), ...alertValues(incident, "detectionSource")];
  return seen.some((s) => wanted.has(s.toLowerCase()));
}
