/** Turns a BotError into the one-line reason (plus the usage line) the person sees. */
import type { BotError } from "../errors.js";
import type { Reply, Span } from "./reply.js";

/** The reply for a refused or failed request: reason, then `Usage: …` when there is one. */
export function errorReply(err: BotError): Reply {
  const spans: Span[] = [err.message];
  if (err.options.usage) spans.push("\nUsage: ", { code: err.options.usage });
  return { kind: "text", spans, visibility: "requester" };
}
