/**
 * Wraps an AlertSource so the sync benchmark can split a run into time spent waiting for pages
 * (Graph client, HTTPS, JSON, the fake) and time spent storing them (everything the sync does between
 * pages). Every call is passed through unchanged.
 */
import type { AlertSource, SourcePage } from "../src/alerts/alert-source.js";

/** Milliseconds spent waiting for the source's pages, and how many came. */
export interface SourceTiming {
  fetchMs: number;
  pages: number;
}

async function* timed<T>(pages: AsyncIterable<SourcePage<T>>, timing: SourceTiming): AsyncIterable<SourcePage<T>> {
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    const started = performance.now();
    const next = await iterator.next();
    timing.fetchMs += performance.now() - started;
    if (next.done) return;
    timing.pages += 1;
    yield next.value;
  }
}

/** The same source, timing its page reads into `timing`. */
export function timedSource(source: AlertSource, timing: SourceTiming): AlertSource {
  return {
    kind: source.kind,
    tenant: source.tenant,
    incidentsSince: (since) => timed(source.incidentsSince(since), timing),
    alertsSince: (since) => timed(source.alertsSince(since), timing),
    updateIncident: (id, patch) => source.updateIncident(id, patch),
    commentIncident: (id, comment) => source.commentIncident(id, comment),
  };
}
