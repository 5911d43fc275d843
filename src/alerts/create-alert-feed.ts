/** Chooses where incidents come from: Microsoft Graph when credentials are configured, else the demo. */
import type { GraphConfig, IncidentSyncConfig } from "../config-graph.js";
import type { AlertFeed } from "./alert-source.js";
import type { IncidentRepository } from "../storage/repositories/incident-repository.js";
import { createDemoSource, loadDemoIncidents, storedDemoStart } from "./demo-source.js";
import { LazyGraphSource } from "./graph/lazy-graph-source.js";

/** The feed for the configuration; the demo replays its incidents relative to `clock`, resuming from `incidents`. */
export function createAlertFeed(
  graph: GraphConfig | undefined,
  sync: IncidentSyncConfig,
  clock: () => Date,
  incidents?: Pick<IncidentRepository, "get">,
): AlertFeed {
  const source = graph
    ? new LazyGraphSource(graph)
    : createDemoSource(clock, loadDemoIncidents(), incidents ? storedDemoStart(incidents) : undefined);
  return {
    source,
    backfillDays: sync.backfillDays,
    pollSeconds: sync.pollSeconds,
    ...(sync.portalHost ? { portalHost: sync.portalHost } : {}),
  };
}
