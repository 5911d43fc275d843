/**
 * Graph and Entra failures → AlertSourceError with a message a person can act on: 401 and 403 name
 * the permission the call needs, throttling and outages say the next sync resumes, network errors
 * are marked retryable. Raw error text stays in the logs (as the cause), not in chat.
 */
import { GraphError } from "@microsoft/microsoft-graph-client";
import { AlertSourceError } from "../alert-source.js";

const IDENTITY_ERRORS = [
  "CredentialUnavailableError",
  "AuthenticationError",
  "AuthenticationRequiredError",
  "AggregateAuthenticationError",
];

/** True for failures worth an immediate retry: the request never got an HTTP answer. */
export function isNetworkFailure(err: unknown): boolean {
  return (
    err instanceof GraphError &&
    err.statusCode === -1 &&
    (err.code === "TypeError" || /fetch failed|ECONN|socket|network|ETIMEDOUT|EAI_AGAIN/i.test(err.message))
  );
}

/** Translates an error from a Graph call that needs `permission`. */
export function toSourceError(err: unknown, permission: string): AlertSourceError {
  if (err instanceof AlertSourceError) return err;
  const withCause = (e: AlertSourceError) => Object.assign(e, { cause: err });
  if (!(err instanceof GraphError))
    return withCause(new AlertSourceError("Microsoft Graph call failed unexpectedly.", "unavailable"));
  const status = err.statusCode;
  if (status === -1 && IDENTITY_ERRORS.includes(err.code ?? "")) {
    return withCause(
      new AlertSourceError(
        "Could not get a Microsoft Graph token from Entra ID: check AZURE_TENANT_ID, AZURE_CLIENT_ID and the client secret or certificate.",
        "auth",
      ),
    );
  }
  if (isNetworkFailure(err))
    return withCause(
      new AlertSourceError(
        "Microsoft Graph could not be reached (network error); the next sync retries from the same point.",
        "network",
      ),
    );
  if (status === 401) {
    return withCause(
      new AlertSourceError(
        `Microsoft Graph rejected the token (401). The app registration needs the ${permission} application permission with admin consent, and valid credentials.`,
        "auth",
        permission,
      ),
    );
  }
  if (status === 403) {
    return withCause(
      new AlertSourceError(
        `Microsoft Graph denied access (403): the app registration is missing the ${permission} application permission (grant it and give admin consent).`,
        "permission",
        permission,
      ),
    );
  }
  if (status === 404) return withCause(new AlertSourceError("Microsoft Graph has no such incident.", "not-found"));
  if (status === 429)
    return withCause(
      new AlertSourceError(
        "Microsoft Graph is throttling requests (429) even after waiting; the next sync continues from the same point.",
        "throttled",
      ),
    );
  if (status >= 500 || status === -1)
    return withCause(
      new AlertSourceError(
        `Microsoft Graph is unavailable (${status === -1 ? "no response" : status}); the next sync retries from the same point.`,
        "unavailable",
      ),
    );
  return withCause(
    new AlertSourceError(
      `Microsoft Graph refused the request (${status} ${String(err.code ?? "").slice(0, 40)}).`,
      "bad-request",
    ),
  );
}
