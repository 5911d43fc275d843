/**
 * Test wiring for incidents: a TestBot whose alert feed is the REAL Graph source (real
 * @azure/identity ClientSecretCredential + real Graph client) pointed at the HTTPS fake, or a scripted
 * in-memory AlertSource for fast threading tests; plus readers for the outbox rows the sync wrote.
 */
import { afterEach } from "vitest";
import type {
  AlertSource,
  GraphAlert,
  GraphIncident,
  IncidentPatch,
  SourcePage,
} from "../../src/alerts/alert-source.js";
import { createGraphSource } from "../../src/alerts/graph/create-graph-source.js";
import type { GraphSourceOptions } from "../../src/alerts/graph/graph-source.js";
import { syncIncidents, type SyncSummary } from "../../src/alerts/sync.js";
import { spansToPlain, type Reply } from "../../src/core/reply.js";
import { FakeGraph, type FakeGraphOptions } from "../fakes/graph-server.js";
import { createTestBot, replyText, type TestBot } from "../support/test-bot.js";
import type { TestDatabase } from "../support/test-storage.js";

/** One outbox row, simplified for assertions. */
export interface Row {
  key: string;
  op: string;
  rootKey: string | null;
  conversationId: string;
  reply: Reply;
  text: string;
}

/** Every outbox row in enqueue order. */
export async function outboxRows(t: TestBot): Promise<Row[]> {
  return (await t.storage.outbox.all()).map((r) => ({
    key: r.key,
    op: r.op,
    rootKey: r.rootKey,
    conversationId: r.conversationId,
    reply: r.reply as Reply,
    text: replyText(r.reply as Reply),
  }));
}

/** Source options that keep tests fast: no waiting without Retry-After, quick network retries. */
export const FAST: GraphSourceOptions = {
  pageSize: 50,
  maxRetries: 3,
  retryDelaySeconds: 0,
  networkRetries: 1,
  networkRetryMs: 5,
};

/** A TestBot reading incidents from a fake Graph through the real SDKs. */
export interface GraphHarness {
  fake: FakeGraph;
  t: TestBot;
  sync(): Promise<SyncSummary>;
  close(): Promise<void>;
}

/** Starts the fake (unless given) and a bot whose feed is the real Graph source pointed at it. */
export async function graphHarness(
  o: {
    now?: string;
    fake?: FakeGraph | FakeGraphOptions;
    database?: TestDatabase;
    source?: GraphSourceOptions;
    clientSecret?: string;
    certificatePath?: string;
  } = {},
): Promise<GraphHarness> {
  const fake = o.fake instanceof FakeGraph ? o.fake : await FakeGraph.start(o.fake ?? {});
  const app = fake.entra.app;
  const secret = o.certificatePath
    ? { certificatePath: o.certificatePath }
    : { clientSecret: o.clientSecret ?? app.clientSecret };
  const source = createGraphSource(
    {
      tenantId: app.tenantId,
      clientId: app.clientId,
      ...secret,
      managedIdentity: false,
      authorityHost: fake.url,
      baseUrl: fake.url,
    },
    { ...FAST, ...o.source },
  );
  const t = await createTestBot({
    now: o.now ?? "2026-11-28T10:00:00Z",
    ...(o.database ? { database: o.database } : {}),
    alertFeed: () => ({ source, backfillDays: 7, pollSeconds: 120 }),
  });
  return {
    fake,
    t,
    sync: () => syncIncidents(t.services, t.clock.now()),
    async close() {
      await t.close();
      if (!(o.fake instanceof FakeGraph)) await fake.close();
    },
  };
}

/** An AlertSource over incidents the test sets directly (Graph-shaped), paging `pageSize` at a time. */
export class ScriptedSource implements AlertSource {
  readonly kind = "graph" as const;
  readonly tenant = "tenant-1";
  readonly incidents = new Map<string, GraphIncident>();
  readonly alerts: GraphAlert[] = [];
  patches: { id: string; patch: IncidentPatch }[] = [];

  constructor(private readonly pageSize = 3) {}

  /** Adds or replaces an incident. */
  put(incident: GraphIncident): void {
    this.incidents.set(String(incident.id), incident);
  }

  async *incidentsSince(since: string): AsyncIterable<SourcePage<GraphIncident>> {
    const items = [...this.incidents.values()].filter(
      (i) => Date.parse(String(i.lastUpdateDateTime)) >= Date.parse(since),
    );
    for (let i = 0; i === 0 || i < items.length; i += this.pageSize)
      yield { items: items.slice(i, i + this.pageSize), last: i + this.pageSize >= items.length };
  }

  async *alertsSince(since: string): AsyncIterable<SourcePage<GraphAlert>> {
    yield {
      items: this.alerts.filter((a) => Date.parse(String(a.lastUpdateDateTime)) >= Date.parse(since)),
      last: true,
    };
  }

  async commentIncident(): Promise<void> {}

  async updateIncident(id: string, patch: IncidentPatch): Promise<GraphIncident> {
    this.patches.push({ id, patch });
    const current = this.incidents.get(id) ?? {};
    const next = {
      ...current,
      ...patch,
      lastUpdateDateTime: new Date(Date.parse(String(current.lastUpdateDateTime)) + 1000).toISOString(),
    };
    this.incidents.set(id, next);
    return next;
  }
}

/** A TestBot over a scripted source. */
export async function scriptedBot(
  now = "2026-11-28T10:00:00Z",
  pageSize = 3,
): Promise<{ t: TestBot; source: ScriptedSource; sync(): Promise<SyncSummary> }> {
  const source = new ScriptedSource(pageSize);
  const t = await createTestBot({ now, alertFeed: () => ({ source, backfillDays: 7, pollSeconds: 120 }) });
  return { t, source, sync: () => syncIncidents(t.services, t.clock.now()) };
}

/** Registers an afterEach that closes the bot made by the returned `setup` (one per test). */
export function scriptedBotPerTest(): () => ReturnType<typeof scriptedBot> {
  let close: (() => Promise<void>) | undefined;
  afterEach(() => close?.());
  return async () => {
    const b = await scriptedBot();
    close = () => b.t.close();
    return b;
  };
}

/** The plain text of a text reply. */
export function plain(reply: Reply): string {
  return reply.kind === "text" ? spansToPlain(reply.spans) : replyText(reply);
}
