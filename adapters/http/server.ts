/** The one HTTP server: Slack's and Teams' endpoints mount on it, beside the health checks. */
import { createServer, type Server } from "node:http";
import express, { type Express } from "express";
import type { Logger } from "../../src/logger.js";
import { withRequestId } from "../../src/request-context.js";

/** Readiness checks registered by whoever owns a dependency (database, platforms). */
export type ReadinessCheck = () => { ok: boolean; detail: string } | Promise<{ ok: boolean; detail: string }>;

/** The Express app and the checks `/readyz` runs. */
export interface HttpApp {
  app: Express;
  addReadinessCheck(name: string, check: ReadinessCheck): void;
}

/** Builds the app with `GET /healthz` (alive) and `GET /readyz` (every check passes); every request gets an id in its logs. */
export function createHttpApp(log?: Logger): HttpApp {
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
  app.get("/readyz", async (_req, res) => {
    const results = Object.fromEntries(
      await Promise.all([...checks].map(async ([name, check]) => [name, await check()] as const)),
    );
    const ok = Object.values(results).every((r) => r.ok);
    res.status(ok ? 200 : 503).json({ ok, checks: results });
  });
  return { app, addReadinessCheck: (name, check) => checks.set(name, check) };
}

/** Starts listening; resolves with the server once the port is bound. */
export function listen(app: Express, port: number, host = "0.0.0.0"): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
