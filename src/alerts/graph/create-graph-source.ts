/** Builds the Graph alert source from the validated configuration (credential → client → source). */
import type { GraphConfig } from "../../config-graph.js";
import { createGraphClient, GRAPH_ORIGIN } from "./client.js";
import { createCredential } from "./credential.js";
import { GraphAlertSource, type GraphSourceOptions } from "./graph-source.js";

/** The source for the configured tenant, against GRAPH_BASE_URL or the commercial Graph host. */
export function createGraphSource(config: GraphConfig, options: GraphSourceOptions = {}): GraphAlertSource {
  const origin = config.baseUrl ?? GRAPH_ORIGIN;
  return new GraphAlertSource(createGraphClient(createCredential(config), origin), config.tenantId, origin, options);
}
