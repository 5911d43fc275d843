/**
 * What a failed Slack call means: for the outbox (retry, wait, give up, conversation gone) and for
 * the person who asked (one plain sentence, no codes they cannot act on).
 */
import { webApi } from "@slack/bolt";
import { DeliveryError } from "../../src/core/messenger.js";

/** A Slack failure sorted by what to do about it. */
export interface SlackFailure {
  kind: "rate-limited" | "server" | "network" | "gone" | "not-in-channel" | "auth" | "trigger" | "rejected";
  /** Slack's error code, HTTP status or message, for logs. */
  code: string;
  retryAfterMs?: number;
}

const GONE = new Set(["channel_not_found", "is_archived"]);
const AUTH = new Set([
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_authed",
  "missing_scope",
  "not_allowed_token_type",
]);
const TRANSIENT = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);
const TRIGGER = new Set(["expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"]);

/** Sorts a Web API (or response_url) error. */
export function classify(err: unknown): SlackFailure {
  if (err instanceof webApi.WebAPIRateLimitedError)
    return { kind: "rate-limited", code: "ratelimited", retryAfterMs: err.retryAfter * 1000 };
  if (err instanceof webApi.WebAPIHTTPError)
    return { kind: err.statusCode >= 500 ? "server" : "rejected", code: `http_${err.statusCode}` };
  if (err instanceof webApi.WebAPIRequestError) return { kind: "network", code: err.original.message.slice(0, 200) };
  if (err instanceof webApi.WebAPIPlatformError) {
    const code = String(err.data.error);
    if (GONE.has(code)) return { kind: "gone", code };
    if (code === "not_in_channel") return { kind: "not-in-channel", code };
    if (AUTH.has(code)) return { kind: "auth", code };
    if (TRIGGER.has(code)) return { kind: "trigger", code };
    if (TRANSIENT.has(code)) return { kind: code.includes("rate") ? "rate-limited" : "server", code };
    return { kind: "rejected", code };
  }
  const message = err instanceof Error ? err.message : String(err);
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === "number")
    return { kind: status >= 500 || status === 429 ? "server" : "rejected", code: `http_${status}` };
  if (/rate limit/i.test(message)) return { kind: "rate-limited", code: "ratelimited" };
  return { kind: "network", code: message.slice(0, 200) };
}

/** The outbox's view of a failure: wait and retry, or give up (and whether the conversation is gone). */
export function toDeliveryError(err: unknown): DeliveryError {
  const f = classify(err);
  const message = `slack: ${f.code}`;
  switch (f.kind) {
    case "rate-limited":
      return new DeliveryError(message, false, f.retryAfterMs);
    case "server":
    case "network":
      return new DeliveryError(message, false);
    case "gone":
      return new DeliveryError(message, true, undefined, true);
    default:
      return new DeliveryError(message, true);
  }
}

/** One sentence for the person whose request could not be answered. */
export function explainToPerson(err: unknown): string {
  const f = classify(err);
  switch (f.kind) {
    case "rate-limited":
      return `Slack asked me to slow down${f.retryAfterMs ? ` for ${Math.ceil(f.retryAfterMs / 1000)} seconds` : ""}; please try again shortly.`;
    case "server":
    case "network":
      return "Slack did not answer properly just now; please try again in a minute.";
    case "gone":
      return "I can't find that conversation any more (it may be archived or private to me).";
    case "not-in-channel":
      return "I'm not a member of that channel; invite me with /invite, or talk to me in a direct message.";
    case "auth":
      return "My Slack token is not working (revoked or missing a permission); ask a Slack admin to reinstall the app.";
    case "trigger":
      return "The form took too long to open; please run the command or press the button again.";
    case "rejected":
      return `Slack refused my message (${f.code}); please tell the bot's admins.`;
  }
}
