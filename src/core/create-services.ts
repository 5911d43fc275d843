/** Builds the Services bundle over an open database: used by main.ts, tests and benchmarks alike. */
import type { Plan } from "../domain/plan.js";
import type { Logger } from "../logger.js";
import type { Db } from "../storage/db.js";
import { AuditRepository } from "../storage/repositories/audit-repository.js";
import { PeopleRepository } from "../storage/repositories/people-repository.js";
import { SubscriptionRepository } from "../storage/repositories/subscription-repository.js";
import { TaskRepository } from "../storage/repositories/task-repository.js";
import { DigestRepository } from "../storage/repositories/digest-repository.js";
import { createIncidentWeekStats } from "../storage/repositories/incident-week-stats.js";
import { SkillRepository } from "../storage/repositories/skill-repository.js";
import { TrainingRepository } from "../storage/repositories/training-repository.js";
import type { TrainingCatalog } from "../training/catalog.js";
import { loadTrainingCatalog } from "../training/load-catalog.js";
import { createIncidentWorkload } from "../training/incident-workload.js";
import type { IncidentWorkload } from "../training/workload.js";
import type { AlertFeed } from "../alerts/alert-source.js";
import { createDemoSource } from "../alerts/demo-source.js";
import { AssetRepository } from "../storage/repositories/asset-repository.js";
import { IncidentRepository } from "../storage/repositories/incident-repository.js";
import type { Services } from "./services.js";
import type { Guidance } from "../domain/guidance.js";
import { loadGuidance } from "../data/load-guidance.js";
import { IncidentTrendRepository } from "../storage/repositories/incident-trend-repository.js";
import { AuditLogRepository } from "../storage/repositories/audit-log-repository.js";
import { ImportRepository } from "../storage/repositories/import-repository.js";
import { OutboxRepository } from "../storage/repositories/outbox-repository.js";
import { StakeholderRepository } from "../storage/repositories/stakeholder-repository.js";

/** The inputs that differ between production and tests. */
export interface ServiceOptions {
  db: Db;
  plan: Plan;
  /** Defaults to the shipped src/data/guidance.json. */
  guidance?: Guidance;
  log: Logger;
  clock: () => Date;
  admins: readonly string[];
  /** Defaults to the shipped src/data/training.json. */
  catalog?: TrainingCatalog;
  /** Defaults to counting the stored incidents. */
  workload?: IncidentWorkload;
  /** TRAINING_NUDGE_DAYS; defaults to 7. */
  trainingNudgeDays?: number;
  /** Defaults to the demo incidents (no Azure credentials) with a 7-day backfill. */
  alertFeed?: AlertFeed;
}

/** Wires repositories to the database. */
export function createServices(o: ServiceOptions): Services {
  const catalog = o.catalog ?? loadTrainingCatalog();
  const alertFeed = o.alertFeed ?? { source: createDemoSource(o.clock), backfillDays: 7, pollSeconds: 120 };
  const assets = new AssetRepository(o.db);
  return {
    db: o.db,
    plan: o.plan,
    guidance: o.guidance ?? loadGuidance(),
    stakeholders: new StakeholderRepository(o.db),
    log: o.log,
    clock: o.clock,
    admins: o.admins,
    people: new PeopleRepository(o.db),
    tasks: new TaskRepository(
      o.db,
      o.plan.areas.map((a) => a.id),
    ),
    audit: new AuditRepository(o.db),
    subscriptions: new SubscriptionRepository(o.db),
    digests: new DigestRepository(o.db),
    alertStats: createIncidentWeekStats(o.db, () => alertFeed.source.tenant, assets),
    catalog,
    skills: new SkillRepository(o.db),
    training: new TrainingRepository(o.db),
    workload: o.workload ?? createIncidentWorkload(o.db, catalog),
    trainingNudgeDays: o.trainingNudgeDays ?? 7,
    alertFeed,
    incidents: new IncidentRepository(o.db),
    assets,
    incidentTrend: new IncidentTrendRepository(o.db),
    auditLog: new AuditLogRepository(o.db),
    imports: new ImportRepository(o.db),
    outbox: new OutboxRepository(o.db),
  };
}
