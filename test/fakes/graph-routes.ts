/**
 * The Graph security routes of the fake: list (with $filter, $top, $skip, $count, $expand=alerts and
 * absolute @odata.nextLink), get, PATCH with enum validation and comments, for /security/incidents and
 * /security/alerts_v2. Newest createdDateTime first, camelCase enums, evolvable enum members only with
 * `Prefer: include-unknown-enum-members`. Permissions are checked per route.
 */
import type { ServerResponse } from "node:http";
import { FILTERABLE, parseFilter } from "./graph-odata.js";
import { graphError, type SeenRequest } from "./graph-server.js";

type Json = Record<string, unknown>;

const ENUMS: Record<string, string[]> = {
  status: ["active", "resolved", "inProgress", "redirected", "unknownFutureValue"],
  alertStatus: ["new", "inProgress", "resolved", "unknownFutureValue"],
  classification: ["unknown", "falsePositive", "truePositive", "informationalExpectedActivity", "unknownFutureValue"],
  determination: [
    "unknown",
    "apt",
    "malware",
    "securityPersonnel",
    "securityTesting",
    "unwantedSoftware",
    "other",
    "multiStagedAttack",
    "compromisedAccount",
    "phishing",
    "maliciousUserActivity",
    "notMalicious",
    "notEnoughDataToValidate",
    "confirmedActivity",
    "lineOfBusinessApplication",
    "unknownFutureValue",
  ],
};
/** Members listed after unknownFutureValue: hidden unless the client opts in. */
const EVOLVABLE = new Set([
  "awaitingAction",
  "microsoftDefenderForCloud",
  "microsoftSentinel",
  "microsoftInsiderRiskManagement",
  "microsoftThreatIntelligence",
  "scheduledAlerts",
  "nrtAlerts",
  "microsoftDefenderForStorage",
  "securityCopilot",
]);

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** The fake's data and route handlers. */
export class GraphRoutes {
  readonly incidents = new Map<string, Json>();
  readonly alerts = new Map<string, Json>();
  /** Every @odata.nextLink handed out, in order. */
  readonly nextLinks: string[] = [];

  constructor(
    private readonly base: () => string,
    private readonly maxPage: number,
    private readonly now: () => Date,
  ) {}

  /** Stores an incident; its `alerts` (if any) are stored as alerts of it. */
  put(incident: Json): void {
    const { alerts, ...rest } = incident;
    this.incidents.set(String(rest.id), rest);
    for (const a of (alerts as Json[] | undefined) ?? []) this.alerts.set(String(a.id), { ...a, incidentId: rest.id });
  }

  private view(item: Json, prefer: string | undefined, type: string): Json {
    const optIn = /include-unknown-enum-members/i.test(prefer ?? "");
    const out: Json = { "@odata.type": `#microsoft.graph.security.${type}` };
    for (const [k, v] of Object.entries(item))
      out[k] = !optIn && typeof v === "string" && EVOLVABLE.has(v) ? "unknownFutureValue" : v;
    return out;
  }

  /** `alertsOf` (given when expanding) holds the alerts of the incidents on the page. */
  private incidentView(item: Json, req: SeenRequest, alertsOf?: Map<unknown, Json[]>): Json {
    const out = this.view(item, req.prefer, "incident");
    if (alertsOf) out.alerts = (alertsOf.get(item.id) ?? []).map((a) => this.view(a, req.prefer, "alert"));
    return out;
  }

  /** The alerts of the given incidents in one pass (a page expands in linear time, even with 100,000 alerts). */
  private alertsOf(page: Json[]): Map<unknown, Json[]> {
    const found = new Map<unknown, Json[]>(page.map((i) => [i.id, []]));
    for (const a of this.alerts.values()) found.get(a.incidentId)?.push(a);
    return found;
  }

  /** Answers a Graph request the server authenticated. */
  handle(req: SeenRequest, permissions: string[], res: ServerResponse): void {
    const m = /^\/v1\.0\/security\/(incidents|alerts_v2)(?:\/([^/]+))?(\/comments)?$/.exec(req.path);
    if (!m) return graphError(res, 404, "itemNotFound", "Resource not found for the segment.");
    const [, collection = "", rawId, comments] = m;
    const incidents = collection === "incidents";
    const area = incidents ? "SecurityIncident" : "SecurityAlert";
    const writing = req.method !== "GET";
    const needed = writing ? [`${area}.ReadWrite.All`] : [`${area}.Read.All`, `${area}.ReadWrite.All`];
    if (!needed.some((p) => permissions.includes(p)))
      return graphError(res, 403, "accessDenied", "Insufficient privileges to complete the operation.");
    const store = incidents ? this.incidents : this.alerts;
    if (!rawId)
      return req.method === "GET"
        ? this.list(req, res, incidents)
        : graphError(res, 405, "invalidRequest", "Method not allowed.");
    const item = store.get(decodeURIComponent(rawId));
    if (!item) return graphError(res, 404, "itemNotFound", "Not found.");
    if (comments && req.method === "POST") return this.comment(req, res, item);
    if (req.method === "GET")
      return send(res, 200, incidents ? this.incidentView(item, req) : this.view(item, req.prefer, "alert"));
    if (req.method === "PATCH") return this.patch(req, res, item, incidents);
    graphError(res, 405, "invalidRequest", "Method not allowed.");
  }

  private list(req: SeenRequest, res: ServerResponse, incidents: boolean): void {
    const q = req.query;
    const bad = [...q.keys()].find(
      (k) => k.startsWith("$") && !["$filter", "$top", "$skip", "$count", "$expand"].includes(k),
    );
    if (bad) return graphError(res, 400, "invalidRequest", `Query option '${bad}' is not supported.`);
    const expand = q.get("$expand");
    if (expand !== null && !(incidents && expand === "alerts"))
      return graphError(res, 400, "invalidRequest", `Could not find a property named '${expand}' to expand.`);
    const top = Number(q.get("$top") ?? this.maxPage);
    const skip = Number(q.get("$skip") ?? 0);
    if (!Number.isInteger(top) || top < 1 || !Number.isInteger(skip) || skip < 0)
      return graphError(res, 400, "invalidRequest", "Invalid $top or $skip.");
    let items = [...(incidents ? this.incidents : this.alerts).values()];
    const filter = q.get("$filter");
    if (filter !== null) {
      const parsed = parseFilter(filter, incidents ? FILTERABLE.incidents : FILTERABLE.alerts);
      if ("error" in parsed) return graphError(res, 400, "BadRequest", parsed.error);
      items = items.filter(parsed.test);
    }
    const keyed = items.map((item) => ({ item, created: Date.parse(String(item.createdDateTime)) }));
    keyed.sort((a, b) => b.created - a.created || String(a.item.id).localeCompare(String(b.item.id)));
    items = keyed.map((k) => k.item);
    const size = Math.min(top, this.maxPage);
    const page = items.slice(skip, skip + size);
    const body: Json = {
      "@odata.context": `${this.base()}/v1.0/$metadata#security/${incidents ? "incidents" : "alerts_v2"}`,
    };
    if (q.get("$count") === "true") body["@odata.count"] = items.length;
    const alertsOf = incidents && expand === "alerts" ? this.alertsOf(page) : undefined;
    body.value = page.map((i) => (incidents ? this.incidentView(i, req, alertsOf) : this.view(i, req.prefer, "alert")));
    if (skip + size < items.length) {
      const params = [
        ...(expand ? [`$expand=${expand}`] : []),
        ...(filter !== null ? [`$filter=${encodeURIComponent(filter)}`] : []),
        `$top=${size}`,
        `$skip=${skip + size}`,
      ];
      body["@odata.nextLink"] = `${this.base()}${req.path}?${params.join("&")}`;
      this.nextLinks.push(String(body["@odata.nextLink"]));
    }
    send(res, 200, body);
  }

  private patch(req: SeenRequest, res: ServerResponse, item: Json, incident: boolean): void {
    let body: Json;
    try {
      body = JSON.parse(req.body) as Json;
    } catch {
      return graphError(res, 400, "invalidRequest", "The request body is not JSON.");
    }
    const allowed = incident
      ? ["assignedTo", "classification", "determination", "status", "customTags"]
      : ["assignedTo", "classification", "determination", "status"];
    for (const [key, value] of Object.entries(body)) {
      if (!allowed.includes(key)) return graphError(res, 400, "invalidRequest", `Property '${key}' cannot be updated.`);
      const list = key === "status" ? ENUMS[incident ? "status" : "alertStatus"] : ENUMS[key];
      if (list && !list.some((v) => v.toLowerCase() === String(value).toLowerCase()))
        return graphError(res, 400, "invalidRequest", `Requested value '${String(value)}' was not found in the enum.`);
      item[key] = list ? list.find((v) => v.toLowerCase() === String(value).toLowerCase()) : value;
    }
    const previous = Date.parse(String(item.lastUpdateDateTime ?? 0));
    item.lastUpdateDateTime = new Date(Math.max(this.now().getTime(), previous + 1)).toISOString();
    send(res, 200, incident ? this.incidentView(item, req) : this.view(item, req.prefer, "alert"));
  }

  private comment(req: SeenRequest, res: ServerResponse, item: Json): void {
    const text = (JSON.parse(req.body || "{}") as Json).comment;
    if (typeof text !== "string" || !text) return graphError(res, 400, "invalidRequest", "comment is required.");
    const comments = [
      ...((item.comments as Json[] | undefined) ?? []),
      { comment: text, createdByDisplayName: "secops-bot", createdDateTime: this.now().toISOString() },
    ];
    item.comments = comments;
    send(res, 200, { "@odata.context": `${this.base()}/v1.0/$metadata#security/comments`, value: comments });
  }
}
