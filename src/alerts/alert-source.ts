/**
 * The seam between the sync and wherever incidents come from (Microsoft Graph, or the built-in demo).
 * Sources yield Graph-shaped JSON exactly as received; the mapper decides what to trust.
 */

/** An incident as Graph sends it (`microsoft.graph.security.incident`, alerts expanded); every field is untrusted. */
export type GraphIncident = Record<string, unknown>;

/** An alert as Graph sends it (`microsoft.graph.security.alert`); every field is untrusted. */
export type GraphAlert = Record<string, unknown>;

/** One page of results; `last` is true when Graph sent no `@odata.nextLink`. */
export interface SourcePage<T> {
  items: T[];
  last: boolean;
  /** How many items the whole query matches, when the source says (Graph's @odata.count, first page only). */
  total?: number;
}

/** The fields the bot may change on an incident, with Graph's camelCase enum values. */
export interface IncidentPatch {
  status?: "active" | "inProgress" | "resolved";
  assignedTo?: string;
  classification?: string;
  determination?: string;
}

/** Where incidents come from. */
export interface AlertSource {
  /** `graph` or `demo`, shown to people so demo data is never mistaken for real alerts. */
  readonly kind: "graph" | "demo";
  /** The Graph tenant the incidents belong to (`demo` for the demo). */
  readonly tenant: string;
  /** Pages of incidents (alerts expanded) whose lastUpdateDateTime is at or after `since`, in any order. */
  incidentsSince(since: string): AsyncIterable<SourcePage<GraphIncident>>;
  /** Pages of alerts whose lastUpdateDateTime is at or after `since`, in any order. */
  alertsSince(since: string): AsyncIterable<SourcePage<GraphAlert>>;
  /** Writes the change back and returns the updated incident (alerts need not be expanded). */
  updateIncident(id: string, patch: IncidentPatch): Promise<GraphIncident>;
  /** Adds a comment to the incident (who acted through the bot, since Graph only sees the app). */
  commentIncident(id: string, comment: string): Promise<void>;
}

/** Why a source call failed, in words a person can act on; `permission` names the Graph permission to grant. */
export class AlertSourceError extends Error {
  constructor(
    message: string,
    readonly kind: "permission" | "auth" | "throttled" | "unavailable" | "not-found" | "bad-request" | "network",
    readonly permission?: string,
  ) {
    super(message);
    this.name = "AlertSourceError";
  }
}

/** The source and its sync settings, as commands and the job see them. */
export interface AlertFeed {
  source: AlertSource;
  /** How far back the first sync reads. */
  backfillDays: number;
  /** Seconds between syncs (GRAPH_POLL_SECONDS). */
  pollSeconds: number;
  /** The Defender portal host links may point at besides security.microsoft.com (sovereign clouds). */
  portalHost?: string;
}
