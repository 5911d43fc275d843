/**
 * A local fake of Slack's Web API and response_url endpoints for end-to-end tests of the real Bolt app.
 * Requests arrive as @slack/web-api sends them (POST /api/<method>, form-encoded, nested fields
 * JSON-stringified, `Authorization: Bearer`); answers follow Slack's shapes. Every call is recorded;
 * 429 + Retry-After, 5xx and `{ok:false,error}` can be injected; blocks and views are checked against
 * Block Kit's limits and refused with `invalid_blocks` like Slack does.
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { blockProblems, viewProblems } from "./block-kit-rules.js";
import { FakeOAuth, type FakeOAuthApp } from "./slack-oauth.js";
import { FAKE_TEAM, slackMethods, type FakeState, type FakeWorkspace } from "./slack-web-api-methods.js";

/** One recorded Web API call. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The team whose bot token the call carried (undefined for an unknown or missing token). */
  team: string | undefined;
}

/** One message shown for a response_url: posted to it, or carried by the slash command's ack. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  via: "response_url" | "ack";
}

/** A failure to inject: an HTTP status (429 with Retry-After seconds) or a Slack error code. */
export type Failure = { status: number; retryAfter?: number } | { error: string };

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata", "files"]);

/** The fake, listening on 127.0.0.1. */
export class FakeSlack extends EventEmitter {
  /** The first workspace's bot token (a test may choose its own, e.g. to look for it in logs). */
  readonly token: string;
  /** Every bot token the fake accepts, with its workspace; OAuth installs add more. */
  readonly tokens = new Map<string, FakeWorkspace>();
  /** OAuth v2 installation, once a test calls enableOAuth. */
  oauth: FakeOAuth | undefined;
  readonly calls: SlackCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Files received at their upload URLs (files.uploadV2 step 2), by file id, with the multipart request's content type. */
  readonly uploads = new Map<string, { bytes: Buffer; filename: string; contentType: string | undefined }>();
  /** Payloads refused for breaking Block Kit rules (should stay empty). */
  readonly rejected: { where: string; problems: string[] }[] = [];
  readonly state: FakeState = {
    users: new Map(),
    channels: new Map(),
    messages: new Map(),
    triggers: new Map(),
    ts: 1_700_000_000,
    views: 0,
    pendingUploads: new Map(),
    uploadUrlBase: "",
    completed: [],
    files: new Map(),
    privateUrlBase: "",
  };
  /** GETs of private file URLs, with the Authorization header they carried. */
  readonly downloads: { path: string; authorization: string | undefined }[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private readonly revoked = new Map<string, FakeWorkspace>();
  private readonly delays = new Map<string, number>();
  private readonly responseUses = new Map<string, number>();
  private server!: Server;
  private nextResponse = 0;
  url = "";

  private constructor(token: string) {
    super();
    this.token = token;
    this.tokens.set(token, FAKE_TEAM);
  }

  /** Accepts installs of the app with these credentials (oauth.v2.access). */
  enableOAuth(app: FakeOAuthApp): FakeOAuth {
    this.oauth = new FakeOAuth(app, (token, workspace) => this.tokens.set(token, workspace));
    return this.oauth;
  }

  /** The workspace's tokens stop working (Slack answers token_revoked), as after an uninstall. */
  revoke(teamId: string): void {
    for (const [token, w] of this.tokens) {
      if (w.team_id !== teamId) continue;
      this.revoked.set(token, w);
      this.tokens.delete(token);
    }
  }

  /** The calls made with a workspace's token. */
  callsBy(teamId: string): SlackCall[] {
    return this.calls.filter((c) => c.team === teamId);
  }

  /** Starts the fake on a free port. */
  static async start(options: { token?: string } = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options.token ?? "xoxb-test-token");
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    fake.state.uploadUrlBase = `${fake.url}/upload/`;
    fake.state.privateUrlBase = `${fake.url}/files-pri/`;
    return fake;
  }

  /** The base URL to give the WebClient (`slackApiUrl`). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Makes the next `times` calls of `method` (or "response_url") fail. */
  fail(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<Failure>(times).fill(failure)]);
  }

  /** Makes every call of `method` answer only after `ms` milliseconds (slow Slack). */
  slow(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** A file `user` uploaded (through a modal's file_input or a message); returns its id. */
  uploadedFile(
    name: string,
    bytes: Uint8Array,
    o: { user?: string; size?: number; external?: boolean; redirectTo?: string } = {},
  ): string {
    const id = `F0UP${String(this.state.files.size + 1).padStart(6, "0")}`;
    const buffer = Buffer.from(bytes);
    this.state.files.set(id, {
      id,
      name,
      user: o.user ?? "UADMIN",
      bytes: buffer,
      size: o.size ?? buffer.length,
      ...(o.external ? { external: true } : {}),
      ...(o.redirectTo ? { redirectTo: o.redirectTo } : {}),
    });
    return id;
  }

  /** A fresh response_url that accepts five posts, as Slack's do. */
  responseUrl(): string {
    return `${this.url}/response/${++this.nextResponse}`;
  }

  /** A fresh trigger_id, usable once within 3 seconds. */
  trigger(): string {
    const id = `${Date.now()}.${Math.floor(Math.random() * 1e9)}.trigger`;
    this.state.triggers.set(id, { issued: Date.now(), used: false });
    return id;
  }

  /** The calls made to one method. */
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Shows a slash command's ack as Slack does: a message in its body appears to the person like a post
   * to the command's response_url, so it is recorded with those posts (checked against Block Kit's rules).
   */
  async showAck(responseUrl: string, ack: Response): Promise<void> {
    const raw = await ack.text();
    if (ack.status !== 200 || !raw.trim()) return;
    const id = responseUrl.split("/").pop() ?? "";
    const body = JSON.parse(raw) as Record<string, unknown>;
    const problems = blockProblems(body.blocks, "message");
    if (problems.length) this.rejected.push({ where: `ack ${id}`, problems });
    else this.responses.push({ id, body, via: "ack" });
    this.emit("request");
  }

  /** The posts made to one response_url. */
  postsTo(url: string): Record<string, unknown>[] {
    const id = url.split("/").pop() ?? "";
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** Resolves once `check` holds after a recorded request (rejects after `ms`, naming what never came). */
  waitFor(what: string, check: () => boolean, ms = 8000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("request", listener);
        reject(new Error(`fake Slack never saw: ${what}`));
      }, ms);
      const listener = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.off("request", listener);
        resolve();
      };
      this.on("request", listener);
    });
  }

  /** Stops listening. */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private takeFailure(key: string): Failure | undefined {
    const queue = this.failures.get(key);
    return queue?.shift();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
    });
    const raw = body.toString("utf8");
    const path = req.url ?? "";
    try {
      if (path.startsWith("/upload/")) await this.handleUpload(path.slice("/upload/".length), req, body, res);
      else if (path.startsWith("/files-pri/")) this.handlePrivateFile(path, req, res);
      else if (path.startsWith("/response/")) this.handleResponseUrl(path.slice("/response/".length), raw, res);
      else if (path.startsWith("/api/")) {
        const method = path.slice(5).split("?")[0] ?? "";
        const delay = this.delays.get(method);
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        this.handleApi(method, req, raw, res);
      } else res.writeHead(404).end();
    } finally {
      this.emit("request");
    }
  }

  /** The upload URL of files.getUploadURLExternal: a multipart POST of the bytes, as @slack/web-api sends it. */
  private async handleUpload(id: string, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const pending = this.state.pendingUploads.get(id);
    const contentType = req.headers["content-type"];
    if (!pending || !contentType?.startsWith("multipart/form-data")) return void res.writeHead(400).end("bad upload");
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    const part = [...form.values()].find((v) => typeof v !== "string");
    if (!part || typeof part === "string") return void res.writeHead(400).end("no file part");
    const bytes = Buffer.from(await part.arrayBuffer());
    if (bytes.length !== pending.length) return void res.writeHead(400).end("length mismatch");
    this.uploads.set(id, { bytes, filename: pending.filename, contentType });
    res.writeHead(200, { "Content-Type": "text/plain" }).end(`OK - ${bytes.length}`);
  }

  /**
   * A private file URL: served only with the bot token as a Bearer header; without it Slack answers with a
   * redirect to the sign-in page, never the file.
   */
  private handlePrivateFile(path: string, req: IncomingMessage, res: ServerResponse): void {
    this.downloads.push({ path, authorization: req.headers.authorization });
    const match = /^\/files-pri\/[A-Z0-9]+-(F[A-Z0-9]+)\/download\/[^/]+$/.exec(path.split("?")[0] ?? "");
    const file = match ? this.state.files.get(match[1] ?? "") : undefined;
    if (req.method !== "GET" || !file) return void res.writeHead(404).end();
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return void res
        .writeHead(302, { Location: `https://fake-secops.slack.com/?redir=${encodeURIComponent(path)}` })
        .end();
    if (file.redirectTo) return void res.writeHead(302, { Location: file.redirectTo }).end();
    res
      .writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": String(file.bytes.length) })
      .end(file.bytes);
  }

  private handleResponseUrl(id: string, raw: string, res: ServerResponse): void {
    const failure = this.takeFailure("response_url");
    if (failure) return void res.writeHead("status" in failure ? failure.status : 500).end("error");
    const uses = (this.responseUses.get(id) ?? 0) + 1;
    this.responseUses.set(id, uses);
    if (uses > 5) return void res.writeHead(404).end("used_url");
    const body = JSON.parse(raw) as Record<string, unknown>;
    const problems = blockProblems(body.blocks, "message");
    if (problems.length) {
      this.rejected.push({ where: `response_url ${id}`, problems });
      return void res.writeHead(400).end("invalid_blocks");
    }
    this.responses.push({ id, body, via: "response_url" });
    res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  }

  private handleApi(method: string, req: IncomingMessage, raw: string, res: ServerResponse): void {
    const args: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
    const bearer = req.headers.authorization?.replace(/^Bearer /, "");
    const workspace = bearer ? this.tokens.get(bearer) : undefined;
    this.calls.push({
      method,
      args,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      team: workspace?.team_id,
    });
    const send = (status: number, body: object, headers: Record<string, string> = {}): void => {
      res
        .writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers })
        .end(JSON.stringify(body));
    };
    const failure = this.takeFailure(method);
    if (failure && "status" in failure) {
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { "Retry-After": String(failure.retryAfter) } : {};
      return send(
        failure.status,
        failure.status === 429 ? { ok: false, error: "ratelimited" } : { ok: false, error: "internal_error" },
        headers,
      );
    }
    if (failure) return send(200, { ok: false, error: failure.error });
    if (method === "oauth.v2.access")
      return send(200, this.oauth ? this.oauth.access(args) : { ok: false, error: "invalid_client_id" });
    if (!bearer) return send(200, { ok: false, error: "not_authed" });
    if (this.revoked.has(bearer)) return send(200, { ok: false, error: "token_revoked" });
    if (!workspace) return send(200, { ok: false, error: "invalid_auth" });
    const problems = [
      ...blockProblems(args.blocks, "message"),
      ...(args.view !== undefined ? viewProblems(args.view) : []),
    ];
    if (problems.length) {
      this.rejected.push({ where: method, problems });
      return send(200, { ok: false, error: "invalid_blocks", errors: problems });
    }
    const handler = slackMethods[method];
    send(200, handler ? handler(args, this.state, workspace) : { ok: false, error: "unknown_method" });
  }
}
