/**
 * The one HTTP server: Slack's and Teams' endpoints mount on it, beside the health checks. Health
 * and readiness tell a stranger only "ok" or not; the checks' details go to callers on this machine
 * (not relayed by a proxy) or to whoever sends SECOPS_STATUS_TOKEN as a bearer token. The server
 * drops slow or idle connections and caps how many it holds.
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import express, { type Express, type Request } from "express";
import type { Logger } from "../../src/logger.js";
import { withRequestId } from "../../src/request-context.js";

/** Readiness checks registered by whoever owns a dependency (database, platforms). */
export type ReadinessCheck = () => { ok: boolean; detail: string } | Promise<{ ok: boolean; detail: string }>;

/** The Express app and the checks `/readyz` runs. */
export interface HttpApp {
  app: Express;
  addReadinessCheck(name: string, check: ReadinessCheck): void;
}

/** Who may read the checks' details besides local callers. */
export interface StatusAccess {
  /** SECOPS_STATUS_TOKEN: a bearer token that shows the details to a remote caller. */
  statusToken?: string;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** True for a caller on this machine that no proxy relayed, or one presenting the status token. */
export function maySeeDetails(req: Request, access: StatusAccess): boolean {
  const relayed = req.header("forwarded") !== undefined || req.header("x-forwarded-for") !== undefined;
  if (!relayed && LOOPBACK.test(req.socket.remoteAddress ?? "")) return true;
  const token = access.statusToken;
  const given = /^Bearer (.+)$/.exec(req.header("authorization") ?? "")?.[1];
  if (!token || !given) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Builds the app with `GET /healthz` (alive) and `GET /readyz` (every check passes); every request gets an id in its logs. */
export function createHttpApp(log?: Logger, access: StatusAccess = {}): HttpApp {
  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    withRequestId(() => {
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        log?.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, "http request");
      });
      next();
    }, req.header("x-request-id"));
  });
  const checks = new Map<string, ReadinessCheck>();
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/readyz", async (req, res) => {
    const results = Object.fromEntries(
      await Promise.all([...checks].map(async ([name, check]) => [name, await check()] as const)),
    );
    const ok = Object.values(results).every((r) => r.ok);
    res.status(ok ? 200 : 503).json(maySeeDetails(req, access) ? { ok, checks: results } : { ok });
  });
  return { app, addReadinessCheck: (name, check) => checks.set(name, check) };
}

/** How long a connection may take and how many may be open at once. */
export interface ConnectionLimits {
  /** Time to receive a request's headers (slow-header clients are dropped). */
  headersTimeoutMs: number;
  /** Time an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Time to receive a whole request. */
  requestTimeoutMs: number;
  /** Connections held at once; more are closed on arrival. */
  maxConnections: number;
}

/** Headers within 10 s, keep-alive 5 s, a whole request within 30 s, at most 1024 connections. */
export const CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1024,
};

/** Starts listening with the connection limits; resolves with the server once the port is bound. */
export function listen(
  app: Express,
  port: number,
  host = "0.0.0.0",
  limits: ConnectionLimits = CONNECTION_LIMITS,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: 1_000,
      },
      app,
    );
    server.maxConnections = limits.maxConnections;
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
