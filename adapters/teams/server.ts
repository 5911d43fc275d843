/**
 * Mounts the Teams endpoint (POST /api/messages) on the shared HTTP app, beside Slack's routes and
 * the health checks. Cheap refusals come first, before the body is read: with authentication on, a
 * request without a plausible Bot Framework bearer token for this app id is 401, and at most
 * TEAMS_MAX_IN_FLIGHT requests are read at once (503 beyond). Bodies are capped at 256 KB and JSON
 * nesting at 64 levels before parsing. Then the token's signature is checked (any invalid one is 401
 * with one quiet log line), then the activity's tenant (403 for a tenant the bot does not serve),
 * and only then does the turn run.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import type { Activity } from "botbuilder";
import type { HttpApp } from "../http/server.js";
import type { Logger } from "../../src/logger.js";
import type { TeamsAdapter } from "./index.js";
import { jsonDepthWithin } from "./json-depth.js";
import { tenantOf } from "./parse.js";
import { createRefusalLog } from "./refusal-log.js";
import { plausibleBotToken } from "./token-shape.js";

/** Where Teams (through Azure Bot Service) posts activities; the Azure Bot's messaging endpoint. */
export const TEAMS_PATH = "/api/messages";

/** Largest activity accepted; Teams messages are at most about 100 KB, and cards submit far less. */
export const TEAMS_BODY_LIMIT = 256 * 1024;

/** Deepest JSON nesting accepted; real activities nest under ten levels. */
export const TEAMS_MAX_DEPTH = 64;

/** Teams requests read and authenticated at once; Teams sends a bot a few a second, a flood gets 503. */
export const TEAMS_MAX_IN_FLIGHT = 16;

/** The readiness detail when Teams serves without authentication; names the setting to remove. */
export const NO_AUTH_DETAIL =
  "authentication off: SECOPS_TEAMS_NO_AUTH=emulator (Bot Framework Emulator on this machine only; set MicrosoftAppId)";

function bearer(req: Request): string {
  return req.header("authorization") ?? "";
}

/** Parses the activity, or answers the refusal itself and returns undefined. */
function readActivity(req: Request, res: Response): Activity | undefined {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
  if (!jsonDepthWithin(raw, TEAMS_MAX_DEPTH)) {
    res.status(400).json({ error: "malformed request" });
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    res.status(400).json({ error: "malformed request" });
    return undefined;
  }
  if (
    !body ||
    typeof body !== "object" ||
    Array.isArray(body) ||
    typeof (body as { type?: unknown }).type !== "string"
  ) {
    res.status(400).json({ error: "not an activity" });
    return undefined;
  }
  return body as Activity;
}

/** Adds the route and a readiness check that fails while authentication is off. */
export function mountTeams(http: HttpApp, teams: TeamsAdapter, log: Logger): void {
  let inFlight = 0;
  const refused = createRefusalLog(log);
  const foreign = createRefusalLog(log, 20, Date.now, "teams: tenant not served (403)");
  const refuseCheaply = (req: Request, res: Response, next: NextFunction) => {
    if (teams.authenticated && !plausibleBotToken(bearer(req), teams.appId, Date.now() / 1000)) {
      refused(req.header("authorization") ? "not a Bot Framework token for this bot" : "no bearer token");
      res.status(401).set("connection", "close").json({ error: "unauthorized" });
      return;
    }
    if (inFlight >= TEAMS_MAX_IN_FLIGHT) {
      res.status(503).set({ connection: "close", "retry-after": "1" }).json({ error: "busy" });
      return;
    }
    inFlight++;
    res.once("close", () => inFlight--);
    next();
  };
  const body = express.raw({ type: () => true, limit: TEAMS_BODY_LIMIT });
  http.app.post(TEAMS_PATH, refuseCheaply, body, (req: Request, res: Response) => {
    const activity = readActivity(req, res);
    if (!activity) return;
    void (async () => {
      const auth = await teams.authenticate(activity, bearer(req));
      if (!auth) {
        refused("token not valid");
        res.status(401).json({ error: "unauthorized" });
        return;
      }
      if (!teams.servesTenant(activity)) {
        foreign(`tenant ${tenantOf(activity) ?? "(none)"}`);
        res.status(403).json({ error: "this bot does not serve that tenant" });
        return;
      }
      const invoke = await teams.adapter.run(auth, activity, teams.handleTurn);
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    })().catch((err: unknown) => {
      log.error({ err }, "teams: request failed");
      if (!res.headersSent) res.status(500).end();
    });
  });
  http.app.use(TEAMS_PATH, (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status =
      typeof err === "object" && err !== null && "status" in err && typeof err.status === "number" && err.status < 500
        ? err.status
        : 500;
    res
      .status(status)
      .json({ error: status === 413 ? "request too large" : status < 500 ? "malformed request" : "internal error" });
  });
  http.addReadinessCheck("teams", () =>
    teams.authenticated
      ? { ok: true, detail: "Bot Framework authentication on" }
      : { ok: false, detail: NO_AUTH_DETAIL },
  );
}
