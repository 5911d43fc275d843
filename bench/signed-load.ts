/**
 * Slash-command load: concurrent with autocannon's programmatic API (every request built in
 * `setupRequest` right before it is written, freshly signed with the v0 HMAC over a current
 * timestamp, with a unique trigger_id and its own response_url), or one at a time, each waiting for
 * its answer. Ack latencies are taken from the exact send time of each request.
 */
import autocannon from "autocannon";
import type { ResponseSink } from "./response-sink.js";
import { signedCommand } from "./slack-fixture.js";

/** What one load run produced. */
export interface LoadRun {
  /** Ack (HTTP 200) latencies in ms. */
  acks: number[];
  /** performance.now() at send, by request number (only requests that got a 200). */
  acked: Map<number, number>;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Where to send and what. */
export interface LoadTarget {
  port: number;
  text: string;
  sink: ResponseSink;
}

let lastSeq = 0;

/** The number the next request will get (request numbers never repeat within a process). */
export function nextSeq(): number {
  return lastSeq + 1;
}

type Context = { seq?: number; sentAt?: number };

/** Sends `/secops <text>` from `connections` connections for `seconds` seconds. */
export async function concurrentLoad(t: LoadTarget, seconds: number, connections: number): Promise<LoadRun> {
  const acks: number[] = [];
  const acked = new Map<number, number>();
  const result = await autocannon({
    url: `http://127.0.0.1:${t.port}`,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        method: "POST",
        path: "/slack/events",
        setupRequest: (request, context) => {
          const c = context as Context;
          c.seq = ++lastSeq;
          const { headers, body } = signedCommand(t.text, c.seq, t.sink.url(c.seq));
          c.sentAt = performance.now();
          return { ...request, headers, body };
        },
        onResponse: (status, body, context) => {
          const c = context as Context;
          if (status !== 200 || c.seq === undefined || c.sentAt === undefined) return;
          acks.push(performance.now() - c.sentAt);
          acked.set(c.seq, c.sentAt);
          if (body) t.sink.arrived(c.seq, body, "ack");
        },
      },
    ],
  });
  return {
    acks,
    acked,
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Sends `count` commands one after another, each only after the previous one's answer came (in the ack or at response_url). */
export async function oneAtATime(t: LoadTarget, count: number): Promise<LoadRun> {
  const run: LoadRun = { acks: [], acked: new Map(), seconds: 0, non2xx: 0, errors: 0, timeouts: 0 };
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const seq = ++lastSeq;
    const { headers, body } = signedCommand(t.text, seq, t.sink.url(seq));
    const sentAt = performance.now();
    const res = await fetch(`http://127.0.0.1:${t.port}/slack/events`, { method: "POST", headers, body });
    const answer = await res.text();
    if (res.status !== 200) {
      run.non2xx += 1;
      continue;
    }
    run.acks.push(performance.now() - sentAt);
    run.acked.set(seq, sentAt);
    if (answer) t.sink.arrived(seq, answer, "ack");
    if ((await t.sink.answered(seq, 60_000)) === undefined) run.timeouts += 1;
  }
  run.seconds = (performance.now() - started) / 1000;
  return run;
}
