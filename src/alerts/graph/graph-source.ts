/**
 * The Microsoft Graph alert source: /security/incidents ($expand=alerts) and /security/alerts_v2
 * filtered on lastUpdateDateTime (unquoted ISO literal), following @odata.nextLink verbatim while it
 * stays on the Graph host, and PATCH /security/incidents/{id} for write-back. Every request waits for
 * the token bucket; 429/503/504 are retried by the client's RetryHandler honouring Retry-After.
 */
import { RetryHandlerOptions, type Client } from "@microsoft/microsoft-graph-client";
import {
  AlertSourceError,
  type AlertSource,
  type GraphAlert,
  type GraphIncident,
  type IncidentPatch,
  type SourcePage,
} from "../alert-source.js";
import { BucketWaitTooLong, TokenBucket } from "../token-bucket.js";
import { isNetworkFailure, toSourceError } from "./errors.js";

/** Tuning; the defaults suit production, tests shorten the waits. */
export interface GraphSourceOptions {
  /** $top per page. */
  pageSize?: number;
  /** RetryHandler retries for 429/503/504, and the delay (s) when no Retry-After came. */
  maxRetries?: number;
  retryDelaySeconds?: number;
  /** Longest Retry-After (s) waited inside one call; longer ones end the call and pause the bucket. */
  maxRetryAfterSeconds?: number;
  /** Immediate retries after a network failure, and the pause between them (ms). */
  networkRetries?: number;
  networkRetryMs?: number;
  /** Shared limiter; defaults to 150 requests per minute. */
  bucket?: TokenBucket;
}

type Page = { value?: unknown; "@odata.nextLink"?: unknown; "@odata.count"?: unknown };

/** Permissions each call needs, named in errors. */
export const PERMISSIONS = {
  incidents: "SecurityIncident.Read.All",
  alerts: "SecurityAlert.Read.All",
  write: "SecurityIncident.ReadWrite.All",
} as const;

function retryAfterSeconds(response: Response | undefined): number {
  const header = response?.headers?.get("Retry-After");
  if (!header) return 0;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds : Math.max(0, (Date.parse(header) - Date.now()) / 1000);
}

/** The source reading one tenant through a Graph client. */
export class GraphAlertSource implements AlertSource {
  readonly kind = "graph" as const;
  private readonly origin: string;
  private readonly bucket: TokenBucket;

  constructor(
    private readonly client: Client,
    readonly tenant: string,
    graphOrigin: string,
    private readonly options: GraphSourceOptions = {},
  ) {
    this.origin = new URL(graphOrigin).origin;
    this.bucket = options.bucket ?? new TokenBucket(150);
  }

  /** Incidents with alerts expanded, updated at or after `since`. */
  incidentsSince(since: string): AsyncIterable<SourcePage<GraphIncident>> {
    return this.pages(
      () => this.client.api("/security/incidents").expand("alerts").filter(`lastUpdateDateTime ge ${since}`),
      PERMISSIONS.incidents,
    );
  }

  /** Alerts updated at or after `since`. */
  alertsSince(since: string): AsyncIterable<SourcePage<GraphAlert>> {
    return this.pages(
      () => this.client.api("/security/alerts_v2").filter(`lastUpdateDateTime ge ${since}`),
      PERMISSIONS.alerts,
    );
  }

  /** PATCH with camelCase values; Graph answers with the updated incident. */
  async updateIncident(id: string, patch: IncidentPatch): Promise<GraphIncident> {
    const body = await this.call(
      PERMISSIONS.write,
      () => this.client.api(`/security/incidents/${encodeURIComponent(id)}`),
      (r) => r.patch(patch),
      5_000,
    );
    if (!body || typeof body !== "object")
      throw new AlertSourceError("Microsoft Graph answered the update without the incident.", "bad-request");
    return body as GraphIncident;
  }

  /** POST …/comments with an alertComment; Graph answers with the whole comment list, which is not needed. */
  async commentIncident(id: string, comment: string): Promise<void> {
    const body = { "@odata.type": "microsoft.graph.security.alertComment", comment };
    await this.call(
      PERMISSIONS.write,
      () => this.client.api(`/security/incidents/${encodeURIComponent(id)}/comments`),
      (r) => r.post(body),
      5_000,
    );
  }

  private async *pages(
    first: () => ReturnType<Client["api"]>,
    permission: string,
  ): AsyncIterable<SourcePage<Record<string, unknown>>> {
    let next: string | undefined;
    let started = false;
    while (!started || next) {
      const link = next;
      const page = (await this.call(
        permission,
        () =>
          link
            ? this.client.api(link)
            : first()
                .top(this.options.pageSize ?? 50)
                .count(true),
        (r) => r.get(),
      )) as Page;
      started = true;
      if (!page || !Array.isArray(page.value))
        throw new AlertSourceError("Microsoft Graph sent a page without a value list.", "bad-request");
      next = this.checkNextLink(page["@odata.nextLink"]);
      const total = page["@odata.count"];
      yield {
        items: page.value.filter(
          (v): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v),
        ),
        last: !next,
        ...(typeof total === "number" && Number.isSafeInteger(total) && total >= 0 && !link ? { total } : {}),
      };
    }
  }

  /** The next link, if any, refusing one that leaves the Graph host (the token must not follow it). */
  private checkNextLink(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    let url: URL | undefined;
    try {
      url = new URL(String(value));
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== this.origin)
      throw new AlertSourceError(
        "Microsoft Graph sent a next-page link to another host; the sync stopped.",
        "bad-request",
      );
    return String(value);
  }

  private async call<T>(
    permission: string,
    build: () => ReturnType<Client["api"]>,
    send: (r: ReturnType<Client["api"]>) => Promise<T>,
    maxWaitMs?: number,
  ): Promise<T> {
    const maxAfter = this.options.maxRetryAfterSeconds ?? 60;
    const retry = new RetryHandlerOptions(
      this.options.retryDelaySeconds ?? 3,
      this.options.maxRetries ?? 3,
      (_d, _a, _req, _opt, response) => {
        const after = retryAfterSeconds(response as Response);
        if (after > maxAfter) {
          this.bucket.pauseFor(after * 1000);
          return false;
        }
        this.bucket.charge();
        return true;
      },
    );
    for (let attempt = 0; ; attempt++) {
      try {
        await this.bucket.take(maxWaitMs);
        const request = build().header("Prefer", "include-unknown-enum-members").middlewareOptions([retry]);
        return await send(request);
      } catch (err) {
        if (err instanceof BucketWaitTooLong)
          throw new AlertSourceError(
            `Microsoft Graph asked us to slow down; try again in ${Math.ceil(err.waitMs / 1000)} s.`,
            "throttled",
          );
        if (isNetworkFailure(err) && attempt < (this.options.networkRetries ?? 2)) {
          await new Promise((resolve) => setTimeout(resolve, this.options.networkRetryMs ?? 1_000 * (attempt + 1)));
          continue;
        }
        throw toSourceError(err, permission);
      }
    }
  }
}
