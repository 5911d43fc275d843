/** Builds the Services bundle over open storage: used by main.ts, tests and benchmarks alike. */
import type { Plan } from "../domain/plan.js";
import type { Logger } from "../logger.js";
import type { AlertStatsProvider } from "../domain/alert-stats.js";
import type { Storage } from "../storage/storage.js";
import type { TrainingCatalog } from "../training/catalog.js";
import { loadTrainingCatalog } from "../training/load-catalog.js";
import { createIncidentWorkload } from "../training/incident-workload.js";
import type { IncidentWorkload } from "../training/workload.js";
import type { AlertFeed } from "../alerts/alert-source.js";
import { createDemoSource } from "../alerts/demo-source.js";
import { createTenantAccess, NO_TENANT, type TenantWorkspaceLink } from "../alerts/tenant-access.js";
import type { Services } from "./services.js";
import type { Guidance } from "../domain/guidance.js";
import { loadGuidance } from "../data/load-guidance.js";

/** The inputs that differ between production and tests. */
export interface ServiceOptions {
  storage: Storage;
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
  /** SECOPS_GRAPH_TENANT_WORKSPACES; none means every workspace sees the synced tenant (unless `graph link` is used). */
  tenantWorkspaces?: readonly TenantWorkspaceLink[];
}

/** Wires the services over the storage's repositories. */
export function createServices(o: ServiceOptions): Services {
  const { storage } = o;
  const catalog = o.catalog ?? loadTrainingCatalog();
  const alertFeed = o.alertFeed ?? { source: createDemoSource(o.clock), backfillDays: 7, pollSeconds: 120 };
  const tenants = createTenantAccess(o.tenantWorkspaces ?? [], storage.graphLinks, alertFeed.source.tenant);
  const alertStats: AlertStatsProvider = {
    async weekStats(workspace, from, to) {
      const honeypots = (await storage.assets.all(workspace)).filter((a) => a.mark === "honeypot");
      const tenant = (await tenants.tenantFor(workspace)) ?? NO_TENANT;
      const stats = await storage.incidentStats.weekStats(tenant, from, to, honeypots);
      const unanswered = await storage.honeypotTouches.unanswered(workspace, from, to);
      return stats && unanswered > 0 ? { ...stats, honeypotUnanswered: unanswered } : stats;
    },
  };
  return {
    ...storage,
    storage,
    plan: o.plan,
    guidance: o.guidance ?? loadGuidance(),
    log: o.log,
    clock: o.clock,
    admins: o.admins,
    alertStats,
    catalog,
    workload: o.workload ?? createIncidentWorkload(storage.incidents, catalog),
    trainingNudgeDays: o.trainingNudgeDays ?? 7,
    alertFeed,
    tenants,
  };
}
