/**
 * The incident data of the Graph sync benchmark, in Graph's shapes (built with the fake's own
 * helpers): `count` incidents with `alertsPer` alerts each, every one updated inside the 7-day
 * backfill window, with device, user and IP evidence and a realistic mix of severities and states.
 * Deterministic, so the fake Graph and the raw-insert baseline see exactly the same records.
 */
import { deviceEvidence, graphAlert, graphIncident, ipEvidence, userEvidence } from "../test/fakes/graph-data.js";

type Json = Record<string, unknown>;

const MINUTE = 60_000;
const SEVERITIES = ["informational", "low", "medium", "medium", "high"] as const;
const STATUSES = [
  "active",
  "active",
  "active",
  "active",
  "active",
  "active",
  "active",
  "inProgress",
  "inProgress",
  "resolved",
] as const;
const TITLES = [
  "Suspicious PowerShell command line",
  "Possible credential dumping with Mimikatz",
  "Anomalous sign-in from an unfamiliar location",
  "Malicious file detected and quarantined",
  "Suspicious inbox forwarding rule",
];

/** The shape in words, for the report. */
export function describeShape(count: number, alertsPer: number): string {
  return `${count.toLocaleString("en-US")} incidents × ${alertsPer} alerts (each alert with device, user and IP evidence), spread over the last 6.5 days`;
}

/** The incidents in creation order (alerts embedded, as `$expand=alerts` returns them). */
export function* benchGraphIncidents(count: number, alertsPer: number, now: Date): Generator<Json> {
  const span = 6.5 * 24 * 60 * MINUTE;
  for (let i = 0; i < count; i++) {
    const created = now.getTime() - span + Math.floor((i * span) / count);
    const id = String(500_000 + i);
    const severity = SEVERITIES[i % SEVERITIES.length] ?? "medium";
    const alerts = Array.from({ length: alertsPer }, (_, a) => {
      const at = new Date(created + a * 2 * MINUTE).toISOString();
      return graphAlert(`da${id}_${a}`, at, {
        severity,
        title: TITLES[(i + a) % TITLES.length],
        evidence: [
          deviceEvidence(`ws-${i % 4000}.contoso.local`),
          userEvidence(`user${i % 900}@contoso.com`),
          ipEvidence(`10.${i % 200}.${a}.${i % 250}`),
        ],
      });
    });
    const updated = new Date(created + Math.max(0, alertsPer - 1) * 2 * MINUTE).toISOString();
    const status = STATUSES[i % STATUSES.length] ?? "active";
    yield graphIncident(
      id,
      new Date(created).toISOString(),
      updated,
      {
        severity,
        status,
        displayName: `Multi-stage incident ${id} on ws-${i % 4000}`,
        assignedTo: i % 3 ? `analyst${i % 40}@contoso.com` : null,
      },
      alerts,
    );
  }
}
