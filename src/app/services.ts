/** The dependencies commands and jobs work with, built once by the composition root (or per test). */
import type { Plan } from "../domain/plan.js";
import type { Logger } from "../logger.js";
import type { AlertStatsProvider } from "../domain/alert-stats.js";
import type { TrainingCatalog } from "../training/catalog.js";
import type { IncidentWorkload } from "../training/workload.js";
import type { AlertFeed } from "../alerts/alert-source.js";
import type { TenantAccess } from "../alerts/tenant-access.js";
import type { Repositories, Storage } from "../storage/storage.js";
import type { Guidance } from "../domain/guidance.js";

/** Everything a command may use; no platform SDK appears here. The repositories are the storage's own. */
export interface Services extends Repositories {
  /** The one door into storage: `unitOfWork` commits a change with its audit and outbox rows. */
  storage: Storage;
  plan: Plan;
  /** The guidance's own text (src/data/guidance.json). */
  guidance: Guidance;
  /** The week's alert and incident numbers for the digest (undefined when there is no incident data). */
  alertStats: AlertStatsProvider;
  /** The training catalog (src/data/training.json). */
  catalog: TrainingCatalog;
  /** Incidents assigned to a person per skill area (a gap signal). */
  workload: IncidentWorkload;
  /** Least days between two training nudges to one person (TRAINING_NUDGE_DAYS). */
  trainingNudgeDays: number;
  /** Where incidents come from (Microsoft Graph, or the demo without credentials) and how far back to sync. */
  alertFeed: AlertFeed;
  /** Which Graph tenant's incidents each workspace may see. */
  tenants: TenantAccess;
  log: Logger;
  /** The time now; tests pass a controllable clock. */
  clock: () => Date;
  /** SECOPS_ADMINS entries (workspace/user ids, bare ids, emails), matched by src/domain/admins.ts. */
  admins: readonly string[];
}
