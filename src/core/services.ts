/** The dependencies commands and jobs work with, built once in main.ts (or per test). */
import type { Plan } from "../domain/plan.js";
import type { Logger } from "../logger.js";
import type { Db } from "../storage/db.js";
import type { AuditRepository } from "../storage/repositories/audit-repository.js";
import type { PeopleRepository } from "../storage/repositories/people-repository.js";
import type { SubscriptionRepository } from "../storage/repositories/subscription-repository.js";
import type { TaskRepository } from "../storage/repositories/task-repository.js";
import type { DigestRepository } from "../storage/repositories/digest-repository.js";
import type { AlertStatsProvider } from "../domain/alert-stats.js";
import type { SkillRepository } from "../storage/repositories/skill-repository.js";
import type { TrainingRepository } from "../storage/repositories/training-repository.js";
import type { TrainingCatalog } from "../training/catalog.js";
import type { IncidentWorkload } from "../training/workload.js";
import type { AlertFeed } from "../alerts/alert-source.js";
import type { AssetRepository } from "../storage/repositories/asset-repository.js";
import type { IncidentRepository } from "../storage/repositories/incident-repository.js";
import type { Guidance } from "../domain/guidance.js";
import type { IncidentTrendRepository } from "../storage/repositories/incident-trend-repository.js";
import type { AuditLogRepository } from "../storage/repositories/audit-log-repository.js";
import type { ImportRepository } from "../storage/repositories/import-repository.js";
import type { OutboxRepository } from "../storage/repositories/outbox-repository.js";
import type { StakeholderRepository } from "../storage/repositories/stakeholder-repository.js";

/** Everything a command may use; no platform SDK appears here. */
export interface Services {
  db: Db;
  plan: Plan;
  /** The guidance's own text (src/data/guidance.json). */
  guidance: Guidance;
  /** People named on the guidance's stakeholder roles. */
  stakeholders: StakeholderRepository;
  people: PeopleRepository;
  tasks: TaskRepository;
  audit: AuditRepository;
  subscriptions: SubscriptionRepository;
  /** Weekly digest snapshots and the week's completions. */
  digests: DigestRepository;
  /** The week's alert and incident numbers for the digest (undefined when there is no incident data). */
  alertStats: AlertStatsProvider;
  /** The training catalog (src/data/training.json). */
  catalog: TrainingCatalog;
  /** Self-rated skills and what each role needs. */
  skills: SkillRepository;
  /** Training completions, snoozes, dismissals, offers and nudges. */
  training: TrainingRepository;
  /** Incidents assigned to a person per skill area (a gap signal). */
  workload: IncidentWorkload;
  /** Least days between two training nudges to one person (TRAINING_NUDGE_DAYS). */
  trainingNudgeDays: number;
  /** Where incidents come from (Microsoft Graph, or the demo without credentials) and how far back to sync. */
  alertFeed: AlertFeed;
  /** Synced incidents, alerts and their history (per Graph tenant). */
  incidents: IncidentRepository;
  /** Honeypot and business-critical assets each workspace watches. */
  assets: AssetRepository;
  /** New incidents by severity per period (charts, workbook). */
  incidentTrend: IncidentTrendRepository;
  /** The whole audit log of a workspace (exports). */
  auditLog: AuditLogRepository;
  /** Previewed imports waiting for `import apply`. */
  imports: ImportRepository;
  /** Enqueues proactive messages (the monthly report). */
  outbox: OutboxRepository;
  log: Logger;
  /** The time now; tests pass a controllable clock. */
  clock: () => Date;
  /** Platform ids or emails that are admins from the start (SECOPS_ADMINS). */
  admins: readonly string[];
}
