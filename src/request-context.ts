/** Carries a request id through everything one inbound event causes, so every log line can name it. */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The current request's fields for log lines (empty outside a request); a fresh object, as pino merges each line's fields into it. */
export function requestFields(): { requestId?: string } {
  const store = storage.getStore();
  return store ? { requestId: store.requestId } : {};
}

/** Runs `fn` with a request id: the caller's (when it looks safe) or a new one. */
export function withRequestId<T>(fn: () => T, given?: string): T {
  const requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  return storage.run({ requestId }, fn);
}
