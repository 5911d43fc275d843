/**
 * Benchmark 1: slash-command round trips under concurrent load through the REAL Slack adapter
 * (Bolt + the core + a file database holding 100,000 tasks and 100,000 alerts), against a BARE Bolt
 * app that only acks, both in a worker process on a loopback port, the fake Slack Web API and a
 * response_url sink in this process. Reports acks (HTTP round trip) and, for the real adapter,
 * completion: the time until its answer reached response_url.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPlan } from "../src/data/load-plan.js";
import { FakeSlack } from "../test/fakes/slack-web-api.js";
import { dropBenchDatabase, newBenchDatabase, openBenchStorage, withRaw, type BenchDatabase } from "./database.js";
import { ms, note, type Headline } from "./report.js";
import { ResponseSink } from "./response-sink.js";
import { benchUserId, seedIncidents, seedPeople, seedTasks } from "./seed.js";
import { ENGINE_NAMES, scaled, settings, type Engine } from "./settings.js";
import { ONE_AT_A_TIME, printSlackLoad, slackHeadlines, type Outcome, type Scenario } from "./slack-report.js";
import type { ServerMessage } from "./slack-server.js";
import { CHANNEL, SENDERS, WORKSPACE } from "./slack-fixture.js";
import { concurrentLoad, nextSeq, oneAtATime } from "./signed-load.js";
import { summarize } from "./stats.js";
import { Worker } from "./worker.js";

async function seedDatabase(db: BenchDatabase, now: Date): Promise<{ tasks: number; alerts: number }> {
  const plan = loadPlan();
  const storage = await openBenchStorage(db);
  try {
    await storage.tasks.seed(WORKSPACE, plan, now);
  } finally {
    await storage.close();
  }
  const tasks = scaled(100_000);
  const incidents = scaled(25_000);
  await withRaw(db, async (raw) => {
    const owners = await seedPeople(raw, WORKSPACE, 500);
    await seedTasks(raw, WORKSPACE, plan, tasks, owners, now);
    await seedIncidents(raw, "demo", incidents, 4, now);
  });
  return { tasks, alerts: incidents * 4 };
}

/** Warnings and errors the worker logged, counted by message. */
function logProblems(path: string): string {
  const counts = new Map<string, number>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!/"level":(40|50|60)/.test(line)) continue;
    const entry = JSON.parse(line) as { msg?: string; bolt?: string };
    const msg = (entry.msg ?? `Bolt: ${entry.bolt ?? "?"}`).slice(0, 120);
    counts.set(msg, (counts.get(msg) ?? 0) + 1);
  }
  return counts.size ? [...counts].map(([msg, n]) => `${n} × ${msg}`).join("; ") : "none";
}

async function runScenario(
  s: Scenario,
  db: BenchDatabase,
  logPath: string,
  fake: FakeSlack,
  sink: ResponseSink,
): Promise<Outcome> {
  note(`slack (${ENGINE_NAMES[db.engine]}): ${s.name}`);
  const callsBefore = fake.calls.length;
  const worker = Worker.start<ServerMessage>("./slack-server.ts", [s.mode, JSON.stringify(db), fake.apiUrl, logPath]);
  const ready = await worker.next();
  if (!("port" in ready)) throw new Error("the Slack worker did not report its port");
  const target = { port: ready.port, text: s.text, sink };
  const c = s.connections;
  const load = (seconds: number, count: number) =>
    c === ONE_AT_A_TIME ? oneAtATime(target, count) : concurrentLoad(target, seconds, c);
  sink.reset(s.expect, nextSeq());
  await load(2, 2);
  const before = await worker.ask({ do: "idle" });
  sink.reset(s.expect, nextSeq());
  const run = await load(settings.seconds, 10);
  const after = await worker.ask({ do: "idle" });
  await worker.exit({ do: "stop" });
  if ("port" in before || "port" in after) throw new Error("unexpected message from the Slack worker");
  const completions = [...run.acked].flatMap(([seq, sentAt]) => {
    const arrived = sink.arrivals.get(seq);
    return arrived === undefined ? [] : [arrived - sentAt];
  });
  return {
    scenario: s,
    run,
    ack: summarize(run.acks),
    ...(s.mode === "real" ? { completion: summarize(completions) } : {}),
    unexpected: sink.unexpected + (s.mode === "real" ? run.acks.length - completions.length : 0),
    inAck: sink.inAck,
    cpuPerRequestMs: (after.cpuMs - before.cpuMs) / Math.max(1, run.acks.length),
    maxRssMb: after.maxRssMb,
    logProblems: logProblems(logPath),
    viaWebApi: fake.calls.slice(callsBefore).filter((call) => call.method.startsWith("chat.")).length,
  };
}

/** Runs benchmark 1 on one engine, prints its tables and returns its headline figures. */
export async function slackLoadBenchmark(engine: Engine): Promise<Headline[]> {
  const dir = mkdtempSync(join(tmpdir(), "secops-bench-slack-"));
  const db = newBenchDatabase(engine, dir, "slack");
  const started = performance.now();
  const data = await seedDatabase(db, new Date());
  note(
    `slack (${ENGINE_NAMES[engine]}): seeded ${data.tasks} tasks and ${data.alerts} alerts in ${ms(performance.now() - started)} ms`,
  );
  const fake = await FakeSlack.start();
  for (let n = 1; n <= SENDERS; n++)
    fake.state.users.set(benchUserId(n), {
      id: benchUserId(n),
      name: benchUserId(n).toLowerCase(),
      displayName: `Analyst ${n}`,
      email: `analyst${n}@example.com`,
    });
  fake.state.channels.set(CHANNEL, { member: true, archived: false });
  const sink = await ResponseSink.start();
  const title =
    loadPlan()
      .areas.flatMap((a) => a.objectives.flatMap((o) => o.tasks))
      .find((t) => t.id === "S1-2")?.title ?? "S1-2";
  const c = settings.connections;
  const scenarios: Scenario[] = [
    { name: "Bare Bolt app (ack only)", mode: "bare", text: "task S1-2", expect: "", connections: c },
    { name: "Real adapter, `task S1-2`", mode: "real", text: "task S1-2", expect: title, connections: c },
    { name: "Real adapter, `task S1-2`", mode: "real", text: "task S1-2", expect: title, connections: ONE_AT_A_TIME },
    {
      name: "Real adapter, `tasks S2`",
      mode: "real",
      text: "tasks S2",
      expect: "tasks in S2",
      connections: ONE_AT_A_TIME,
    },
    { name: "Real adapter, `tasks S2`", mode: "real", text: "tasks S2", expect: "tasks in S2", connections: 4 },
  ];
  try {
    const outcomes: Outcome[] = [];
    for (const [i, s] of scenarios.entries())
      outcomes.push(await runScenario(s, db, join(dir, `worker-${i}.log`), fake, sink));
    printSlackLoad(outcomes, data, engine);
    return slackHeadlines(outcomes);
  } finally {
    await dropBenchDatabase(db);
    await sink.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
