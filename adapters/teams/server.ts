/**
 * Mounts the Teams endpoint (POST /api/messages) on the shared HTTP app, beside Slack's routes and
 * the health checks. The body is parsed with express.json() on this route only; CloudAdapter then
 * authenticates the request (401 without a valid Bot Framework token when an app id is set).
 */
import express, { type NextFunction, type Request, type Response } from "express";
import type { HttpApp } from "../http/server.js";
import type { Logger } from "../../src/logger.js";
import type { TeamsAdapter } from "./index.js";

/** Where Teams (through Azure Bot Service) posts activities; the Azure Bot's messaging endpoint. */
export const TEAMS_PATH = "/api/messages";

/** Adds the route and a readiness check saying whether authentication is on. */
export function mountTeams(http: HttpApp, teams: TeamsAdapter, log: Logger): void {
  http.app.post(TEAMS_PATH, express.json({ limit: "1mb" }), (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (!body || typeof body !== "object" || typeof (body as { type?: unknown }).type !== "string") {
      res.status(400).json({ error: "not an activity" });
      return;
    }
    teams.adapter.process(req, res, teams.handleTurn).catch((err: unknown) => {
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
  http.addReadinessCheck("teams", () => ({
    ok: true,
    detail: teams.authenticated ? "Bot Framework authentication on" : "authentication off (Emulator / local only)",
  }));
}
