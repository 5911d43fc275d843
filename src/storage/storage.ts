/**
 * The one door into storage: every repository, built once over one engine, and `unitOfWork`, which
 * commits a change, its audit rows and its outbox rows together on either engine.
 */
import { isUnwritable } from "./unwritable.js";
import type { Plan } from "../domain/plan.js";
import type { EngineName, MigrationState } from "./engine/types.js";
import type { Engine } from "./engine/types.js";
import { Handle } from "./handle.js";
import { AreaLeadRepository } from "./repositories/area-lead-repository.js";
import { AssetRepository } from "./repositories/asset-repository.js";
import { AuditLogRepository } from "./repositories/audit-log-repository.js";
import { AuditRepository } from "./repositories/audit-repository.js";
import { ConversationRepository } from "./repositories/conversation-repository.js";
import { CoordinationRepository } from "./repositories/coordination-repository.js";
import { DigestRepository } from "./repositories/digest-repository.js";
import { FileOfferRepository } from "./repositories/file-offer-repository.js";
import { InboundRequestRepository } from "./repositories/inbound-request-repository.js";
import { GraphLinkRepository } from "./repositories/graph-link-repository.js";
import { ImportRepository } from "./repositories/import-repository.js";
import { HoneypotTouchRepository } from "./repositories/honeypot-touch-repository.js";
import { IncidentRepository } from "./repositories/incident-repository.js";
import { IncidentStatsRepository } from "./repositories/incident-stats-repository.js";
import { IncidentThreadRepository } from "./repositories/incident-thread-repository.js";
import { IncidentTrendRepository } from "./repositories/incident-trend-repository.js";
import { OncallRepository } from "./repositories/oncall-repository.js";
import { OutboxRepository } from "./repositories/outbox-repository.js";
import { PeopleRepository } from "./repositories/people-repository.js";
import { ReminderRepository } from "./repositories/reminder-repository.js";
import { SkillRepository, type RoleNeeds } from "./repositories/skill-repository.js";
import { SlackInstallationRepository } from "./repositories/slack-installation-repository.js";
import { StakeholderRepository } from "./repositories/stakeholder-repository.js";
import { SubscriptionRepository } from "./repositories/subscription-repository.js";
import { SyncStateRepository } from "./repositories/sync-state-repository.js";
import { TaskRepository } from "./repositories/task-repository.js";
import { TrainingRepository } from "./repositories/training-repository.js";
import { SecretBox } from "./secret-box.js";

/** Every repository; inside a unit of work the same objects act within its transaction. */
export interface Repositories {
  people: PeopleRepository;
  tasks: TaskRepository;
  audit: AuditRepository;
  subscriptions: SubscriptionRepository;
  digests: DigestRepository;
  skills: SkillRepository;
  training: TrainingRepository;
  incidents: IncidentRepository;
  incidentStats: IncidentStatsRepository;
  threads: IncidentThreadRepository;
  syncState: SyncStateRepository;
  assets: AssetRepository;
  conversations: ConversationRepository;
  outbox: OutboxRepository;
  reminders: ReminderRepository;
  inbound: InboundRequestRepository;
  coordination: CoordinationRepository;
  /** People named on the guidance's stakeholder roles. */
  stakeholders: StakeholderRepository;
  /** New incidents by severity per period (charts, workbook). */
  incidentTrend: IncidentTrendRepository;
  /** The whole audit log of a workspace (exports). */
  auditLog: AuditLogRepository;
  /** Previewed imports waiting for `import apply`. */
  imports: ImportRepository;
  /** Who is pinged when a honeypot is touched (`oncall`). */
  oncall: OncallRepository;
  /** Honeypot touches and whether anyone was there to ping. */
  honeypotTouches: HoneypotTouchRepository;
  /** Who leads each plan area (`arealead`); told when its work is blocked. */
  areaLeads: AreaLeadRepository;
  /** Files offered with a consent card, until accepted, declined or expired. */
  fileOffers: FileOfferRepository;
  /** Slack installations of the distributed app (OAuth mode), tokens sealed. */
  slackInstallations: SlackInstallationRepository;
  /** Which Graph tenant each workspace may see (`graph link`). */
  graphLinks: GraphLinkRepository;
}

export interface Storage extends Repositories {
  readonly engine: EngineName;
  /** Runs `work` in one transaction; repository calls inside it (through `tx` or not) join it. */
  unitOfWork<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  migrationState(): Promise<MigrationState>;
  /** A real, harmless write that throws when the database cannot take writes (full, read-only). */
  probeWrite(): Promise<void>;
  /** Whether a failure means the database cannot take writes (full, read-only), as opposed to a bug. */
  isUnwritable(err: unknown): boolean;
  close(): Promise<void>;
}

/** What differs between deployments and tests beyond the engine and the plan. */
export interface StorageOptions {
  /** Each role's skill needs before a lead sets any; main.ts passes the guidance's (DEFAULT_ROLE_NEEDS). */
  roleNeeds?: RoleNeeds;
  /** SECOPS_ENCRYPTION_KEY (32 bytes): seals secrets kept in the database; without it they cannot be stored. */
  encryptionKey?: Buffer;
}

/** Builds the repositories over an open engine; `plan` gives listings their area order. */
export function createStorage(engine: Engine, plan: Plan, options: StorageOptions = {}): Storage {
  const h = new Handle(engine);
  const repositories: Repositories = {
    people: new PeopleRepository(h),
    tasks: new TaskRepository(
      h,
      plan.areas.map((a) => a.id),
    ),
    audit: new AuditRepository(h),
    subscriptions: new SubscriptionRepository(h),
    digests: new DigestRepository(h),
    skills: new SkillRepository(h, options.roleNeeds ?? {}),
    training: new TrainingRepository(h),
    incidents: new IncidentRepository(h),
    incidentStats: new IncidentStatsRepository(h),
    threads: new IncidentThreadRepository(h),
    syncState: new SyncStateRepository(h),
    assets: new AssetRepository(h),
    conversations: new ConversationRepository(h),
    outbox: new OutboxRepository(h),
    reminders: new ReminderRepository(h),
    inbound: new InboundRequestRepository(h),
    coordination: new CoordinationRepository(h),
    stakeholders: new StakeholderRepository(h),
    incidentTrend: new IncidentTrendRepository(h),
    auditLog: new AuditLogRepository(h),
    imports: new ImportRepository(h),
    oncall: new OncallRepository(h),
    honeypotTouches: new HoneypotTouchRepository(h),
    areaLeads: new AreaLeadRepository(h),
    fileOffers: new FileOfferRepository(h),
    graphLinks: new GraphLinkRepository(h),
    slackInstallations: new SlackInstallationRepository(
      h,
      options.encryptionKey ? new SecretBox(options.encryptionKey) : undefined,
    ),
  };
  return {
    ...repositories,
    engine: engine.name,
    unitOfWork: (work) => h.unit(() => work(repositories)),
    // Readiness asks this: a closed or unreachable database is "not ready", never an exception.
    migrationState: () =>
      engine
        .migrationState()
        .catch((err: unknown) => ({ ok: false, detail: err instanceof Error ? err.message : String(err) })),
    probeWrite: () => engine.probeWrite(),
    isUnwritable,
    close: () => engine.close(),
  };
}
