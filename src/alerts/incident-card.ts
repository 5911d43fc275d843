/**
 * The incident card: the thread root (edited in place as the incident changes) and the `incident <id>`
 * reply. Every Graph string goes into a literal span or fact; the only link is the vetted portal URL.
 */
import type { AssetTouch } from "../domain/incident-assets.js";
import {
  alertValues,
  enumLabel,
  incidentEvidence,
  isOpen,
  type EvidenceItem,
  type Incident,
} from "../domain/incident.js";
import { sourceLabel } from "../domain/incident-sources.js";
import type { Block, Card, CardAction, CardSeverity, ListItem, Span } from "../core/reply.js";

/** Characters of the description shown on a card. */
export const CARD_DESCRIPTION = 280;
/** Affected assets listed on a card before "…and N more". */
export const CARD_ASSETS = 8;

const SHOWN_KINDS: EvidenceItem["kind"][] = ["device", "user", "mailbox", "ip", "cloud", "file", "process", "url"];

/** Graph severity → card header severity (unknown values get none). */
export function cardSeverity(severity: string): CardSeverity | undefined {
  return (["informational", "low", "medium", "high"] as const).find((s) => s === severity);
}

/** A short, single-line excerpt of untrusted text. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).replace(/[\ud800-\udbff]$/, "")}…` : flat;
}

function classification(incident: Incident): string {
  if (incident.classification === "unknown") return "not yet";
  const det = incident.determination === "unknown" ? "" : ` (${enumLabel(incident.determination)})`;
  return `${enumLabel(incident.classification)}${det}`;
}

function assetBlocks(touches: readonly AssetTouch[]): Block[] {
  const line = (mark: "honeypot" | "critical", label: string): Block[] => {
    const hits = touches.filter((t) => t.asset.mark === mark);
    return hits.length
      ? [{ type: "text", spans: [{ bold: label }, hits.map((t) => `${t.asset.type} ${t.asset.label}`).join(", ")] }]
      : [];
  };
  return [...line("honeypot", "⚠ Honeypot touched: "), ...line("critical", "Business-critical asset: ")];
}

function affected(incident: Incident): Block {
  const evidence = incidentEvidence(incident).sort((a, b) => SHOWN_KINDS.indexOf(a.kind) - SHOWN_KINDS.indexOf(b.kind));
  const items: ListItem[] = evidence
    .slice(0, CARD_ASSETS)
    .map((e) => ({ label: excerpt(e.value, 120), detail: e.kind }));
  if (evidence.length > CARD_ASSETS) items.push({ label: `…and ${evidence.length - CARD_ASSETS} more` });
  return { type: "list", items, empty: "No affected assets reported yet." };
}

/** The buttons: assign, status moves that make sense now, and the portal link when it is safe. */
export function incidentActions(incident: Incident): CardAction[] {
  const id = incident.id;
  const actions: CardAction[] = [{ kind: "button", actionId: "incident.assign", label: "Assign to me", value: id }];
  if (isOpen(incident)) {
    if (incident.status !== "inProgress")
      actions.push({ kind: "button", actionId: "incident.start", label: "In progress", value: id });
    actions.push({ kind: "button", actionId: "incident.resolve", label: "Resolve", value: id, style: "primary" });
  } else {
    actions.push({ kind: "button", actionId: "incident.reopen", label: "Reopen", value: id });
  }
  if (incident.webUrl) actions.push({ kind: "link", label: "Open in Defender", url: incident.webUrl });
  return actions;
}

/** The incident card for a conversation, marked with the watched assets it touches there. */
export function incidentCard(incident: Incident, touches: readonly AssetTouch[], sourceKind: "graph" | "demo"): Card {
  const sources = alertValues(incident, "serviceSource").map(sourceLabel);
  const alerts = incident.alerts.length;
  const techniques = [...new Set(incident.alerts.flatMap((a) => a.mitreTechniques))];
  const facts = [
    { label: "Severity", value: enumLabel(incident.severity) },
    { label: "Status", value: enumLabel(incident.status) },
    { label: "Owner", value: incident.assignedTo ?? "unassigned" },
    { label: "Classification", value: classification(incident) },
    { label: "Alerts", value: `${alerts}${sources.length ? ` from ${sources.join(", ")}` : ""}` },
    ...(techniques.length ? [{ label: "MITRE techniques", value: techniques.slice(0, 8).join(", ") }] : []),
    ...(incident.redirectIncidentId
      ? [{ label: "Merged into", value: `incident ${incident.redirectIncidentId}` }]
      : []),
  ];
  const description: Span[] = incident.description ? [excerpt(incident.description, CARD_DESCRIPTION)] : [];
  const context: Span[] = [
    `Updated ${incident.lastUpdateAt.slice(0, 16).replace("T", " ")} UTC`,
    ...(sourceKind === "demo" ? [" · demo data, not a real alert"] : []),
  ];
  const severity = cardSeverity(incident.severity);
  return {
    title: excerpt(incident.displayName, 150),
    subtitle: `Incident ${incident.id}`,
    ...(severity ? { severity } : {}),
    blocks: [
      ...assetBlocks(touches),
      { type: "facts", facts },
      ...(description.length ? [{ type: "text" as const, spans: description }] : []),
      affected(incident),
      { type: "context", spans: context },
      { type: "actions", actions: incidentActions(incident) },
    ],
  };
}
