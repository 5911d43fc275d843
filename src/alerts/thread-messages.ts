/**
 * The lines posted in an incident's thread, one per meaningful change, each with a stable identity
 * (used in its outbox key) so a replayed page or a restart never posts it twice.
 */
import type { AssetTouch } from "../domain/incident-assets.js";
import type { IncidentChange } from "../domain/incident-diff.js";
import { enumLabel, severityRank, type Incident } from "../domain/incident.js";
import { sourceLabel } from "../domain/incident-sources.js";
import type { Person } from "../domain/person.js";
import { announce, type Reply, type Span } from "../core/reply.js";
import { excerpt } from "./incident-card.js";

/** New alerts posted one by one per change; more are summed up in one line. */
export const MAX_ALERT_LINES = 5;

/** A thread line and the identity that makes its outbox key. */
export interface ThreadLine {
  identity: string;
  reply: Reply;
}

/** Who made a change to a field: one name for all, or a name per field (a person's write-back vs the source's own changes). */
export type Attribution = string | ((field: string) => string | undefined);

function nameFor(attribution: Attribution | undefined, field: string): string | undefined {
  return typeof attribution === "function" ? attribution(field) : attribution;
}

/** The thread lines for a set of changes; `created` and updated alerts need none (the card shows them). */
export function changeLines(
  incident: Incident,
  changes: readonly IncidentChange[],
  attribution?: Attribution,
): ThreadLine[] {
  const by = (field: string): Span[] => {
    const name = nameFor(attribution, field);
    return name ? [` (by ${name})`] : [];
  };
  const at = incident.lastUpdateAt;
  const lines: ThreadLine[] = [];
  let classified = false;
  for (const c of changes) {
    if (c.kind !== "field") continue;
    if (c.field === "severity") {
      const up = severityRank(c.to ?? "") > severityRank(c.from ?? "");
      lines.push({
        identity: `severity:${at}`,
        reply: announce(
          { bold: up ? "Severity raised" : "Severity changed" },
          `: ${enumLabel(c.from ?? "unknown")} → ${enumLabel(c.to ?? "unknown")}`,
          ...by("severity"),
        ),
      });
    } else if (c.field === "status") {
      lines.push({
        identity: `status:${at}`,
        reply: announce(
          { bold: "Status" },
          `: ${enumLabel(c.from ?? "unknown")} → ${enumLabel(c.to ?? "unknown")}`,
          ...by("status"),
        ),
      });
    } else if (c.field === "assignedTo") {
      const text: Span[] = c.to ? [{ bold: "Assigned to " }, c.to] : [{ bold: "Unassigned" }];
      lines.push({ identity: `assignedTo:${at}`, reply: announce(...text, ...by("assignedTo")) });
    } else if (!classified) {
      classified = true;
      const det = incident.determination === "unknown" ? "" : ` (${enumLabel(incident.determination)})`;
      lines.push({
        identity: `classification:${at}`,
        reply: announce({ bold: "Classified" }, `: ${enumLabel(incident.classification)}${det}`, ...by(c.field)),
      });
    }
  }
  const added = changes.flatMap((c) => (c.kind === "alert-added" ? [c.alert] : []));
  for (const alert of added.slice(0, MAX_ALERT_LINES)) {
    const source = alert.serviceSource === "unknown" ? "" : `, ${sourceLabel(alert.serviceSource)}`;
    lines.push({
      identity: `alert:${alert.id}`,
      reply: announce(
        { bold: "New alert" },
        ": ",
        excerpt(alert.title, 200),
        ` (${enumLabel(alert.severity)}${source})`,
      ),
    });
  }
  if (added.length > MAX_ALERT_LINES) {
    const rest = added.slice(MAX_ALERT_LINES);
    lines.push({
      identity: `alerts:${at}:${rest[0]?.id ?? ""}:${rest.length}`,
      reply: announce(`…and ${rest.length} more new alerts; the card shows the total.`),
    });
  }
  return lines;
}

/** What a touched asset is, as a line names it: "device hp-fs-01 (seen as HP-FS-01.contoso.local)". */
export function touchedWhat(touch: AssetTouch): string {
  const seen =
    touch.evidence.value.toLowerCase() === touch.asset.value ? "" : ` (seen as ${excerpt(touch.evidence.value, 120)})`;
  return `${touch.asset.type} ${touch.asset.label}${seen}`;
}

/** Said in the thread when a honeypot is touched and nobody is on duty to ping. */
export const NOBODY_ON_DUTY: Span[] = [
  "Nobody is on call and this workspace has no lead or admin to ping; name who is with ",
  { code: "oncall @person" },
  ".",
];

/** A watched asset touched: honeypots ping the people on duty (ids from our people table only). */
export function assetLine(touch: AssetTouch, onDuty: readonly Person[]): ThreadLine {
  const identity = `asset:${touch.asset.mark}:${touch.asset.value}`;
  if (touch.asset.mark === "critical") {
    return { identity, reply: announce({ bold: "Business-critical asset involved" }, `: ${touchedWhat(touch)}.`) };
  }
  const ping: Span[] = onDuty.length
    ? onDuty
        .flatMap((p, i): Span[] => [
          ...(i ? [", "] : []),
          { mention: { platformUserId: p.platformUserId, name: p.displayName } },
        ])
        .concat([": please look now."])
    : NOBODY_ON_DUTY;
  return {
    identity,
    reply: announce(
      { bold: "⚠ Honeypot touched" },
      `: ${touchedWhat(touch)}. Nobody should use it, so this is likely an attacker. `,
      ...ping,
    ),
  };
}
