/**
 * Refuses a Slack request whose X-Slack-Request-Timestamp is more than five minutes away from now,
 * in the past or in the future, before Bolt reads its body. Bolt refuses only old ones; a request
 * stamped ahead would otherwise stay replayable until its time came.
 */
import type { NextFunction, Request, Response } from "express";

/** The window Slack documents for request timestamps, either side of now. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** Express middleware answering 401 to stale, future or malformed timestamps; `now` is in milliseconds. */
export function refuseUntimelyRequests(now: () => number = Date.now) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.header("x-slack-request-timestamp");
    if (header === undefined) return next();
    const seconds = /^\d{1,12}$/.test(header) ? Number(header) : NaN;
    if (Number.isFinite(seconds) && Math.abs(now() / 1000 - seconds) <= SLACK_TIMESTAMP_WINDOW_SECONDS) return next();
    res.status(401).set("connection", "close").end();
  };
}
