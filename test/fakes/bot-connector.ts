/**
 * A fake Bot Framework Connector (the service behind an activity's `serviceUrl`) for Teams tests.
 * It serves the v3 REST paths botbuilder calls, under any path prefix (real serviceUrls look like
 * https://smba.trafficmanager.net/amer/<tenant>/), answers with the real response shapes, records
 * every call, and can be told to fail with 429 (Retry-After), 412/5xx, 403 (bot removed) or 413.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the bot made to the connector. */
export interface ConnectorCall {
  method: string;
  /** The path after the prefix, starting at `v3/`. */
  path: string;
  /** The prefix before `v3/` (kept so tests can check it was preserved). */
  prefix: string;
  operation:
    | "createConversation"
    | "sendToConversation"
    | "replyToActivity"
    | "updateActivity"
    | "deleteActivity"
    | "getMember"
    | "getMembers"
    | "unknown";
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  body: Record<string, unknown> | undefined;
  authorization?: string;
  /** The status the fake answered with, and the body it sent. */
  status: number;
  response?: Record<string, unknown>;
}

/** A member the fake knows, shaped like TeamsChannelAccount. */
export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: string;
}

/** A failure to inject: the next `times` matching calls get `status`. */
export interface Failure {
  status: number;
  times?: number;
  retryAfterSeconds?: number;
  code?: string;
  when?: (call: Omit<ConnectorCall, "status">) => boolean;
}

/** The running fake. */
export interface FakeBotConnector {
  /** The serviceUrl to put on activities (with a path prefix and trailing slash). */
  serviceUrl: string;
  calls: ConnectorCall[];
  members: FakeMember[];
  fail(failure: Failure): void;
  /** Calls of one operation, in order. */
  callsOf(operation: ConnectorCall["operation"]): ConnectorCall[];
  close(): Promise<void>;
}

const ROUTE = /^(.*?\/)v3\/conversations(?:\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?)?\/?$/;

const ERROR_CODES: Record<number, string> = {
  403: "BotNotInConversationRoster",
  404: "NotFound",
  412: "PreconditionFailed",
  413: "MessageSizeTooBig",
  429: "Throttled",
};

function operationOf(
  method: string,
  section: string | undefined,
  conversationId: string | undefined,
  tail: string | undefined,
): ConnectorCall["operation"] {
  if (!conversationId) return method === "POST" ? "createConversation" : "unknown";
  if (section === "activities") {
    if (!tail) return method === "POST" ? "sendToConversation" : "unknown";
    return method === "POST"
      ? "replyToActivity"
      : method === "PUT"
        ? "updateActivity"
        : method === "DELETE"
          ? "deleteActivity"
          : "unknown";
  }
  if (section === "members") return method === "GET" ? (tail ? "getMember" : "getMembers") : "unknown";
  return "unknown";
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Starts the fake on a free loopback port; `prefix` imitates a regional serviceUrl path. */
export async function startFakeBotConnector(prefix = "/amer/tenant-1/"): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const members: FakeMember[] = [];
  const failures: (Failure & { left: number })[] = [];
  let nextId = 1_760_000_000_000;
  const newId = () => String(nextId++);

  let lastBody: Record<string, unknown> | undefined;
  function answer(
    res: ServerResponse,
    status: number,
    body?: Record<string, unknown> | FakeMember[],
    headers: Record<string, string> = {},
  ): number {
    lastBody = Array.isArray(body) ? { members: body } : body;
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
    return status;
  }

  function succeed(res: ServerResponse, call: Omit<ConnectorCall, "status">): number {
    const body = call.body ?? {};
    switch (call.operation) {
      case "createConversation": {
        const channel = (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
        const activityId = body.activity ? newId() : undefined;
        const id = channel ? `${channel};messageid=${activityId ?? newId()}` : `a:fake-personal-${newId()}`;
        return answer(res, 201, { id, ...(activityId ? { activityId } : {}) });
      }
      case "sendToConversation":
      case "replyToActivity":
        return answer(res, 201, { id: newId() });
      case "updateActivity":
        return answer(res, 200, { id: call.activityId });
      case "deleteActivity":
        return answer(res, 200);
      case "getMember": {
        const key = call.memberId ?? "";
        const member = members.find((m) => m.id === key || m.aadObjectId === key || m.userPrincipalName === key);
        return member
          ? answer(res, 200, { ...member })
          : answer(res, 404, { error: { code: "NotFound", message: "Member not found." } });
      }
      case "getMembers":
        return answer(res, 200, members);
      default:
        return answer(res, 404, { error: { code: "NotFound", message: "No such route." } });
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const match = ROUTE.exec(url.pathname);
      const body = await readBody(req);
      const method = req.method ?? "GET";
      const decode = (s: string | undefined) => (s === undefined ? undefined : decodeURIComponent(s));
      const conversationId = decode(match?.[2]);
      const section = match?.[3];
      const tail = decode(match?.[4]);
      const operation = match ? operationOf(method, section, conversationId, tail) : "unknown";
      const call: Omit<ConnectorCall, "status"> = {
        method,
        path: match ? url.pathname.slice((match[1] ?? "").length) : url.pathname,
        prefix: match?.[1] ?? "",
        operation,
        ...(conversationId ? { conversationId } : {}),
        ...(section === "activities" && tail ? { activityId: tail } : {}),
        ...(section === "members" && tail ? { memberId: tail } : {}),
        body,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      };
      const failure = failures.find((f) => f.left > 0 && (!f.when || f.when(call)));
      let status: number;
      lastBody = undefined;
      if (failure) {
        failure.left -= 1;
        const headers: Record<string, string> =
          failure.retryAfterSeconds !== undefined ? { "retry-after": String(failure.retryAfterSeconds) } : {};
        const code = failure.code ?? ERROR_CODES[failure.status] ?? "ServiceError";
        status = answer(
          res,
          failure.status,
          { error: { code, message: `Injected ${failure.status} ${code}` } },
          headers,
        );
      } else {
        status = succeed(res, call);
      }
      calls.push({ ...call, status, ...(lastBody ? { response: lastBody } : {}) });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}${prefix}`,
    calls,
    members,
    fail: (f) => failures.push({ ...f, left: f.times ?? 1 }),
    callsOf: (operation) => calls.filter((c) => c.operation === operation),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
