/**
 * A fake Microsoft Graph security API plus the Entra token endpoint it trusts, on one local HTTPS
 * server (test CA from test/global-setup.ts), so the REAL @azure/identity ClientSecretCredential and
 * the REAL Graph client run against it. Records every request; can fail the next matching requests
 * with 429 (Retry-After), 503 or a dropped connection.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import { FakeEntra, type FakeApp } from "./graph-entra.js";
import { GraphRoutes } from "./graph-routes.js";
import { localhostTls } from "./graph-tls.js";

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  rawUrl: string;
  authorization?: string;
  prefer?: string;
  /** The Graph client's RetryHandler numbers its retries in this header. */
  retryAttempt?: string;
  body: string;
}

/** A fault to inject into the next `times` requests whose path matches. */
export interface Fault {
  path: RegExp;
  times: number;
  /** Let this many matching requests through first (e.g. fail page 2, not page 1). */
  skip?: number;
  status?: 429 | 503 | 504 | 500;
  retryAfter?: string;
  /** Destroy the connection instead of answering (a network failure). */
  drop?: boolean;
}

/** What the fake is started with; defaults give full read/write permissions. */
export interface FakeGraphOptions extends Partial<FakeApp> {
  /** Most items per page (the fake's cap on $top). */
  maxPageSize?: number;
  /** The time written into lastUpdateDateTime by PATCH. */
  now?: () => Date;
}

/** Graph's error envelope. */
export function graphError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(
    JSON.stringify({
      error: { code, message, innerError: { "request-id": "fake-request", date: "2026-11-28T10:00:00" } },
    }),
  );
}

/** The running fake. */
export class FakeGraph {
  readonly requests: SeenRequest[] = [];
  readonly faults: Fault[] = [];
  readonly entra: FakeEntra;
  readonly routes: GraphRoutes;
  url = "";

  private constructor(
    private readonly server: Server,
    options: FakeGraphOptions,
  ) {
    this.entra = new FakeEntra({
      tenantId: options.tenantId ?? "11111111-2222-3333-4444-555555555555",
      clientId: options.clientId ?? "app-client-id",
      clientSecret: options.clientSecret ?? "app-secret",
      permissions: options.permissions ?? ["SecurityIncident.ReadWrite.All", "SecurityAlert.Read.All"],
      ...(options.certificatePem ? { certificatePem: options.certificatePem } : {}),
    });
    this.routes = new GraphRoutes(() => this.url, options.maxPageSize ?? 50, options.now ?? (() => new Date()));
  }

  /** Starts on a random localhost port. */
  static async start(options: FakeGraphOptions = {}): Promise<FakeGraph> {
    const ref: { fake?: FakeGraph } = {};
    const server = createServer(localhostTls(), (req, res) => void ref.fake?.onRequest(req, res));
    const fake = new FakeGraph(server, options);
    ref.fake = fake;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.url = `https://localhost:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Requests to Graph (not Entra) in order. */
  graphRequests(): SeenRequest[] {
    return this.requests.filter((r) => r.path.startsWith("/v1.0/"));
  }

  /** Injects a fault. */
  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Stops the server and drops open connections. */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    const seen: SeenRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      rawUrl: req.url ?? "",
      body,
    };
    if (req.headers.authorization) seen.authorization = req.headers.authorization;
    if (typeof req.headers.prefer === "string") seen.prefer = req.headers.prefer;
    if (typeof req.headers["retry-attempt"] === "string") seen.retryAttempt = req.headers["retry-attempt"];
    this.requests.push(seen);
    if (this.entra.handle(seen.method, seen.path, body, this.url, res)) return;
    const fault = this.faults.find((f) => {
      if (f.times <= 0 || !f.path.test(seen.path)) return false;
      if ((f.skip ?? 0) <= 0) return true;
      f.skip = (f.skip ?? 0) - 1;
      return false;
    });
    if (fault) {
      fault.times -= 1;
      if (fault.drop) return void req.socket.destroy();
      const status = fault.status ?? 503;
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { "Retry-After": fault.retryAfter } : {};
      return graphError(
        res,
        status,
        status === 429 ? "TooManyRequests" : "serviceNotAvailable",
        status === 429 ? "Please retry again later." : "Service unavailable.",
        headers,
      );
    }
    const token = /^Bearer (.+)$/.exec(seen.authorization ?? "")?.[1];
    const permissions = token ? this.entra.tokens.get(token) : undefined;
    if (!permissions)
      return graphError(
        res,
        401,
        "InvalidAuthenticationToken",
        token ? "Access token validation failure." : "Access token is empty.",
      );
    this.routes.handle(seen, permissions, res);
  }
}
