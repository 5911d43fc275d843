/**
 * Fast bulk data for the benchmarks: people, tasks, incidents with alerts and task completions,
 * written with raw prepared statements in one transaction each (seconds for 100,000 rows), into a
 * database that openDatabase() already migrated. The shapes follow the real tables' columns.
 */
import type Database from "better-sqlite3";
import { severityRank } from "../src/domain/incident.js";
import type { Plan } from "../src/domain/plan.js";

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

/** A bench user's platform id (Slack-style), numbered from 1. */
export function benchUserId(n: number): string {
  return `U0BENCH${String(n).padStart(5, "0")}`;
}

/** Adds `count` analysts (U0BENCH00001…) to a workspace; returns their row ids in order. */
export function seedPeople(sqlite: Database.Database, workspace: string, count: number): number[] {
  const insert = sqlite.prepare(
    "INSERT INTO people (workspace, platform_user_id, display_name, email, role) VALUES (?, ?, ?, ?, 'analyst')",
  );
  return sqlite.transaction(() => {
    const ids: number[] = [];
    for (let n = 1; n <= count; n++)
      ids.push(
        Number(insert.run(workspace, benchUserId(n), `Analyst ${n}`, `analyst${n}@example.com`).lastInsertRowid),
      );
    return ids;
  })();
}

/**
 * Adds `count` custom tasks spread round-robin over the plan's areas, numbered after the plan's own
 * (e.g. S2-100, S2-101, …): 70 % owned, due dates within ±60 days, a mix of statuses.
 */
export function seedTasks(
  sqlite: Database.Database,
  workspace: string,
  plan: Plan,
  count: number,
  ownerIds: readonly number[],
  now: Date,
): void {
  const insert = sqlite.prepare(
    "INSERT INTO tasks (workspace, id, area, objective, title, detail, resources, position, custom, owner_id, due_date, status, updated_at, completed_at) VALUES (?, ?, ?, ?, ?, '', '[]', ?, 1, ?, ?, ?, ?, ?)",
  );
  const areas = plan.areas;
  const stamp = now.toISOString();
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const area = areas[i % areas.length];
      if (!area) continue;
      const position = 100 + Math.floor(i / areas.length);
      const status = STATUSES[i % STATUSES.length] ?? "open";
      const owner = i % 10 < 7 && ownerIds.length ? (ownerIds[i % ownerIds.length] ?? null) : null;
      const due = i % 3 === 0 ? null : new Date(now.getTime() + ((i % 121) - 60) * DAY).toISOString().slice(0, 10);
      const objective = area.objectives[i % area.objectives.length]?.name ?? area.name;
      insert.run(
        workspace,
        `${area.id}-${position}`,
        area.id,
        objective,
        `Custom task ${i + 1}`,
        position,
        owner,
        due,
        status,
        stamp,
        status === "done" ? stamp : null,
      );
    }
  })();
}

/** Records `count` "marked done" audit events spread over the week before `now` (what the digest counts). */
export function seedCompletions(
  sqlite: Database.Database,
  workspace: string,
  plan: Plan,
  count: number,
  now: Date,
): void {
  const insert = sqlite.prepare(
    "INSERT INTO audit_events (workspace, entity_type, entity_id, actor_id, actor_name, action, old_value, new_value, at) VALUES (?, 'task', ?, NULL, ?, 'status', 'in_progress', 'done', ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const area = plan.areas[i % plan.areas.length];
      const at = new Date(now.getTime() - ((i * 7919) % (7 * DAY))).toISOString();
      insert.run(workspace, `${area?.id ?? "S1"}-${100 + i}`, `Analyst ${(i % 50) + 1}`, at);
    }
  })();
}

/** Adds `incidents` incidents with `alertsPer` alerts each (device + user evidence) created over the last 30 days. */
export function seedIncidents(
  sqlite: Database.Database,
  tenant: string,
  incidents: number,
  alertsPer: number,
  now: Date,
): void {
  const incident = sqlite.prepare(
    "INSERT INTO incidents (tenant, id, display_name, description, severity, severity_rank, status, classification, determination, assigned_to, web_url, redirect_incident_id, custom_tags, created_at, last_update_at, first_seen_at) VALUES (?, ?, ?, 'Multi-stage activity.', ?, ?, ?, 'unknown', 'unknown', NULL, NULL, NULL, '[]', ?, ?, ?)",
  );
  const alert = sqlite.prepare(
    "INSERT INTO incident_alerts (tenant, id, incident_id, title, severity, status, service_source, detection_source, category, mitre_techniques, evidence, created_at, last_update_at) VALUES (?, ?, ?, ?, ?, 'new', 'microsoftDefenderForEndpoint', 'antivirus', 'Execution', '[\"T1059\"]', ?, ?, ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < incidents; i++) {
      const id = String(100_000 + i);
      const severity = SEVERITIES[i % SEVERITIES.length] ?? "medium";
      const at = new Date(now.getTime() - ((i * 104_729) % (30 * DAY))).toISOString();
      incident.run(
        tenant,
        id,
        `Incident ${id}`,
        severity,
        severityRank(severity),
        i % 4 === 0 ? "resolved" : "active",
        at,
        at,
        at,
      );
      for (let a = 0; a < alertsPer; a++) {
        const evidence = JSON.stringify([
          { kind: "device", value: `ws-${i % 5000}.contoso.local` },
          { kind: "user", value: `user${i % 800}@contoso.com` },
        ]);
        alert.run(
          tenant,
          `a-${id}-${a}`,
          id,
          `Suspicious activity ${a + 1} on incident ${id}`,
          severity,
          evidence,
          at,
          at,
        );
      }
    }
  })();
}

/** Gives every person a self-rating (1–5) on every skill, as the `skills` command stores them. */
export function seedSkillRatings(
  sqlite: Database.Database,
  workspace: string,
  personIds: readonly number[],
  skills: readonly string[],
  now: Date,
): void {
  const insert = sqlite.prepare(
    "INSERT INTO skill_ratings (workspace, person_id, skill, level, updated_at) VALUES (?, ?, ?, ?, ?)",
  );
  const stamp = now.toISOString();
  sqlite.transaction(() => {
    personIds.forEach((id, p) =>
      skills.forEach((skill, s) => insert.run(workspace, id, skill, ((p + s) % 5) + 1, stamp)),
    );
  })();
}
