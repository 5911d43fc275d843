/** The bot's error type: a code the error boundary turns into a short reply, never a stack trace. */

/** What kind of failure, so the boundary knows what the person may be told. */
export type ErrorCode = "usage" | "forbidden" | "not-found" | "upstream" | "rate-limited" | "config" | "internal";

/** An expected failure whose message is safe and useful to show to the person who asked. */
export class BotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { usage?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "BotError";
  }
}

/** Bad input: the reply carries the reason and the command's usage line. */
export function usageError(message: string): BotError {
  return new BotError("usage", message);
}

/** The person lacks the role; the message says which role may do it. */
export function forbidden(message: string): BotError {
  return new BotError("forbidden", message);
}

/** A named thing (task, person, incident) does not exist in this workspace. */
export function notFound(message: string): BotError {
  return new BotError("not-found", message);
}
