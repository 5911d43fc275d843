/**
 * Fast bulk data for the benchmarks: people, tasks, incidents with alerts and task completions,
 * written over a raw connection (RawDatabase: one transaction per table, seconds for 100,000 rows)
 * into a database the storage already migrated. The shapes follow the real tables' columns, which are
 * the same on both engines.
 */
import { severityRank } from "../src/domain/incident.js";
import type { Plan } from "../src/domain/plan.js";
import type { RawDatabase, Rows } from "./database.js";

const DAY = 86_400_000;
const STATUSES = [
  "open",
  "open",
  "open",
  "open",
  "in_progress",
  "in_progress",
  "blocked",
  "done",
  "done",
  "done",
] as const;
const SEVERITIES = ["low", "medium", "medium", "high", "informational"] as const;

/** The columns of an incident row and of an alert row (the Graph baseline inserts the same). */
export const INCIDENT_COLUMNS = [
  "tenant",
  "id",
  "display_name",
  "description",
  "severity",
  "severity_rank",
  "status",
  "classification",
  "determination",
  "assigned_to",
  "web_url",
  "redirect_incident_id",
  "custom_tags",
  "created_at",
  "last_update_at",
  "first_seen_at",
] as const;
export const ALERT_COLUMNS = [
  "tenant",
  "id",
  "incident_id",
  "title",
  "severity",
  "status",
  "service_source",
  "detection_source",
  "category",
  "mitre_techniques",
  "evidence",
  "created_at",
  "last_update_at",
] as const;

/** A bench user's platform id (Slack-style), numbered from 1. */
export function benchUserId(n: number): string {
  return `U0BENCH${String(n).padStart(5, "0")}`;
}

/** Adds `count` analysts (U0BENCH00001…) to a workspace; returns their row ids in order. */
export async function seedPeople(raw: RawDatabase, workspace: string, count: number): Promise<number[]> {
  const rows: unknown[][] = [];
  for (let n = 1; n <= count; n++)
    rows.push([workspace, benchUserId(n), `Analyst ${n}`, `analyst${n}@example.com`, "analyst"]);
  await raw.insert("people", ["workspace", "platform_user_id", "display_name", "email", "role"], rows);
  const ids = await raw.query<{ id: number }>(
    "SELECT id FROM people WHERE workspace = ? AND platform_user_id LIKE 'U0BENCH%' ORDER BY platform_user_id",
    [workspace],
  );
  return ids.map((r) => Number(r.id));
}

/**
 * Adds `count` custom tasks spread round-robin over the plan's areas, numbered after the plan's own
 * (e.g. S2-100, S2-101, …): 70 % owned, due dates within ±60 days, a mix of statuses.
 */
export async function seedTasks(
  raw: RawDatabase,
  workspace: string,
  plan: Plan,
  count: number,
  ownerIds: readonly number[],
  now: Date,
): Promise<void> {
  const areas = plan.areas;
  const stamp = now.toISOString();
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const area = areas[i % areas.length];
    if (!area) continue;
    const position = 100 + Math.floor(i / areas.length);
    const status = STATUSES[i % STATUSES.length] ?? "open";
    const owner = i % 10 < 7 && ownerIds.length ? (ownerIds[i % ownerIds.length] ?? null) : null;
    const due = i % 3 === 0 ? null : new Date(now.getTime() + ((i % 121) - 60) * DAY).toISOString().slice(0, 10);
    const objective = area.objectives[i % area.objectives.length]?.name ?? area.name;
    // `custom` is 1: an integer on SQLite, and PostgreSQL's boolean input reads "1" as true.
    rows.push([
      workspace,
      `${area.id}-${position}`,
      area.id,
      objective,
      `Custom task ${i + 1}`,
      "",
      "[]",
      position,
      1,
      owner,
      due,
      status,
      stamp,
      status === "done" ? stamp : null,
    ]);
  }
  await raw.insert(
    "tasks",
    [
      "workspace",
      "id",
      "area",
      "objective",
      "title",
      "detail",
      "resources",
      "position",
      "custom",
      "owner_id",
      "due_date",
      "status",
      "updated_at",
      "completed_at",
    ],
    rows,
  );
}

/** Records `count` "marked done" audit events spread over the week before `now` (what the digest counts). */
export async function seedCompletions(
  raw: RawDatabase,
  workspace: string,
  plan: Plan,
  count: number,
  now: Date,
): Promise<void> {
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const area = plan.areas[i % plan.areas.length];
    const at = new Date(now.getTime() - ((i * 7919) % (7 * DAY))).toISOString();
    const taskId = `${area?.id ?? "S1"}-${100 + i}`;
    rows.push([workspace, "task", taskId, null, `Analyst ${(i % 50) + 1}`, "status", "in_progress", "done", at]);
  }
  await raw.insert(
    "audit_events",
    ["workspace", "entity_type", "entity_id", "actor_id", "actor_name", "action", "old_value", "new_value", "at"],
    rows,
  );
}

/** Incident and alert rows: `incidents` incidents with `alertsPer` alerts each, created over the last 30 days. */
export function incidentRows(tenant: string, incidents: number, alertsPer: number, now: Date): [Rows, Rows] {
  const incidentRows: unknown[][] = [];
  const alertRows: unknown[][] = [];
  for (let i = 0; i < incidents; i++) {
    const id = String(100_000 + i);
    const severity = SEVERITIES[i % SEVERITIES.length] ?? "medium";
    const at = new Date(now.getTime() - ((i * 104_729) % (30 * DAY))).toISOString();
    const status = i % 4 === 0 ? "resolved" : "active";
    incidentRows.push([
      tenant,
      id,
      `Incident ${id}`,
      "Multi-stage activity.",
      severity,
      severityRank(severity),
      status,
      "unknown",
      "unknown",
      null,
      null,
      null,
      "[]",
      at,
      at,
      at,
    ]);
    const evidence = JSON.stringify([
      { kind: "device", value: `ws-${i % 5000}.contoso.local` },
      { kind: "user", value: `user${i % 800}@contoso.com` },
    ]);
    for (let a = 0; a < alertsPer; a++)
      alertRows.push([
        tenant,
        `a-${id}-${a}`,
        id,
        `Suspicious activity ${a + 1} on incident ${id}`,
        severity,
        "new",
        "microsoftDefenderForEndpoint",
        "antivirus",
        "Execution",
        '["T1059"]',
        evidence,
        at,
        at,
      ]);
  }
  return [incidentRows, alertRows];
}

/** Inserts incident and alert rows (as incidentRows or the Graph baseline builds them). */
export async function insertIncidents(raw: RawDatabase, [incidents, alerts]: [Rows, Rows]): Promise<void> {
  await raw.insert("incidents", INCIDENT_COLUMNS, incidents);
  await raw.insert("incident_alerts", ALERT_COLUMNS, alerts);
}

/** Adds `incidents` incidents with `alertsPer` alerts each (device + user evidence) created over the last 30 days. */
export function seedIncidents(
  raw: RawDatabase,
  tenant: string,
  incidents: number,
  alertsPer: number,
  now: Date,
): Promise<void> {
  return insertIncidents(raw, incidentRows(tenant, incidents, alertsPer, now));
}

/** Gives every person a self-rating (1–5) on every skill, as the `skills` command stores them. */
export async function seedSkillRatings(
  raw: RawDatabase,
  workspace: string,
  personIds: readonly number[],
  skills: readonly string[],
  now: Date,
): Promise<void> {
  const stamp = now.toISOString();
  const rows = personIds.flatMap((id, p) => skills.map((skill, s) => [workspace, id, skill, ((p + s) % 5) + 1, stamp]));
  await raw.insert("skill_ratings", ["workspace", "person_id", "skill", "level", "updated_at"], rows);
}
