/**
 * The Graph source, loaded on first use: @azure/identity and the Graph client cost about a second to
 * import, which a bot that has not synced yet (or a console that never does) should not pay at start.
 */
import type { GraphConfig } from "../../config-graph.js";
import type { AlertSource, GraphAlert, GraphIncident, IncidentPatch, SourcePage } from "../alert-source.js";

/** An AlertSource for `config` that imports and builds the real Graph source the first time it is called. */
export class LazyGraphSource implements AlertSource {
  readonly kind = "graph";
  readonly tenant: string;
  private loaded: Promise<AlertSource> | undefined;

  constructor(private readonly config: GraphConfig) {
    this.tenant = config.tenantId;
  }

  private source(): Promise<AlertSource> {
    return (this.loaded ??= import("./create-graph-source.js").then(({ createGraphSource }) =>
      createGraphSource(this.config),
    ));
  }

  async *incidentsSince(since: string): AsyncIterable<SourcePage<GraphIncident>> {
    yield* (await this.source()).incidentsSince(since);
  }

  async *alertsSince(since: string): AsyncIterable<SourcePage<GraphAlert>> {
    yield* (await this.source()).alertsSince(since);
  }

  async updateIncident(id: string, patch: IncidentPatch): Promise<GraphIncident> {
    return (await this.source()).updateIncident(id, patch);
  }

  async commentIncident(id: string, comment: string): Promise<void> {
    return (await this.source()).commentIncident(id, comment);
  }
}
