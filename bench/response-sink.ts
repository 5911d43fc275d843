/**
 * A minimal stand-in for Slack's response_url endpoint: each request of the load gets its own
 * `/r/<seq>` URL, and the sink notes when the adapter's answer arrived (there, or in the ack body the
 * load generator hands it) and whether it holds the text the command should produce. The load
 * generator subtracts its send time (completion latency).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The answers received, by request sequence number. */
export class ResponseSink {
  /** performance.now() at arrival, by sequence number. */
  readonly arrivals = new Map<number, number>();
  /** Answers that did not contain the expected text (e.g. an error reply). */
  unexpected = 0;
  /** Answers that came in the ack body rather than through response_url. */
  inAck = 0;
  /** Text every answer should contain. */
  expect = "";
  /** Answers to requests numbered below this (an earlier run's) are ignored. */
  from = 0;
  private readonly waiters = new Map<number, (at: number) => void>();
  private server!: Server;
  private base = "";

  /** Starts listening on a free loopback port. */
  static async start(): Promise<ResponseSink> {
    const sink = new ResponseSink();
    sink.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const seq = Number(/^\/r\/(\d+)$/.exec(req.url ?? "")?.[1]);
        sink.arrived(seq, Buffer.concat(chunks).toString("utf8"), "response_url");
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      });
    });
    await new Promise<void>((resolve) => sink.server.listen(0, "127.0.0.1", resolve));
    sink.base = `http://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
    return sink;
  }

  /** Notes the answer to request `seq` now, whether it came to its response_url or in the ack body. */
  arrived(seq: number, body: string, via: "ack" | "response_url"): void {
    if (!Number.isInteger(seq) || seq < this.from) return;
    const at = performance.now();
    this.arrivals.set(seq, at);
    if (via === "ack") this.inAck += 1;
    this.waiters.get(seq)?.(at);
    if (!body.includes(this.expect)) this.unexpected += 1;
  }

  /** The response_url of request `seq`. */
  url(seq: number): string {
    return `${this.base}/r/${seq}`;
  }

  /** Forgets everything received; from now on only requests numbered `from` or more count, and must hold `expect`. */
  reset(expect: string, from: number): void {
    this.arrivals.clear();
    this.unexpected = 0;
    this.inAck = 0;
    this.expect = expect;
    this.from = from;
  }

  /** When the answer to request `seq` arrived (waits for it; undefined after `ms`). */
  answered(seq: number, ms: number): Promise<number | undefined> {
    const known = this.arrivals.get(seq);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(seq);
        resolve(undefined);
      }, ms);
      this.waiters.set(seq, (at) => {
        clearTimeout(timer);
        this.waiters.delete(seq);
        resolve(at);
      });
    });
  }

  /** Stops listening. */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
