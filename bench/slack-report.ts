/** The Slack load benchmark's rows, what each measured, and how they are printed. */
import { mb, ms, num, ratio, table, type Headline } from "./report.js";
import { ENGINE_NAMES, settings, type Engine } from "./settings.js";
import type { LoadRun } from "./signed-load.js";
import type { Summary } from "./stats.js";

/** How the slow, sequential rows send: ten commands, each after the previous answer arrived. */
export const ONE_AT_A_TIME = "1 at a time (10 commands)";

/** One row of the Slack load table. */
export interface Scenario {
  name: string;
  mode: "real" | "bare";
  text: string;
  /** Text the answer must contain (real adapter only). */
  expect: string;
  /** Concurrent connections for `settings.seconds`, or ten commands one at a time, each after the previous answer. */
  connections: number | typeof ONE_AT_A_TIME;
}

/** What one row measured. */
export interface Outcome {
  scenario: Scenario;
  run: LoadRun;
  ack: Summary;
  completion?: Summary;
  /** Acked requests whose answer never came (in the ack or at response_url) or held the wrong text. */
  unexpected: number;
  /** Answers that came in the ack body. */
  inAck: number;
  cpuPerRequestMs: number;
  maxRssMb: number;
  logProblems: string;
  /** Answers the adapter sent through chat.* on the fake Web API instead (its fallback). */
  viaWebApi: number;
}

const rps = (o: Outcome) => o.run.acks.length / o.run.seconds;

/** The real adapter's throughput and CPU per request (first concurrent real row) against the bare app's. */
export function slackHeadlines(outcomes: Outcome[]): Headline[] {
  const bare = outcomes.find((o) => o.scenario.mode === "bare");
  const real = outcomes.find((o) => o.scenario.mode === "real");
  if (!bare || !real) return [];
  const load = `\`${real.scenario.text}\`, ${real.scenario.connections} connections`;
  return [
    { measure: `Throughput, ${load}`, unit: "req/s", figure: rps(real), baseline: rps(bare), rate: true },
    { measure: `Ack p99, ${load}`, unit: "ms", figure: real.ack.p99, baseline: bare.ack.p99 },
    ...(real.completion
      ? [
          {
            measure: `Completion p99 (answer seen), ${load}; baseline: the bare app's ack p99`,
            unit: "ms",
            figure: real.completion.p99,
            baseline: bare.ack.p99,
          },
        ]
      : []),
    {
      measure: `Server CPU per request, ${load}`,
      unit: "ms",
      figure: real.cpuPerRequestMs,
      baseline: bare.cpuPerRequestMs,
    },
  ];
}

/** Prints the Slack load tables and the throughput ratio. */
export function printSlackLoad(outcomes: Outcome[], data: { tasks: number; alerts: number }, engine: Engine): void {
  table(
    `Slash commands under load on ${ENGINE_NAMES[engine]} (${num(data.tasks)} tasks in the workspace, ${num(data.alerts)} alerts stored, ${settings.seconds} s per concurrent row)`,
    [
      "Scenario",
      "Connections",
      "Acked",
      "Throughput (req/s)",
      "Ack p50 (ms)",
      "Ack p99 (ms)",
      "Acks > 3 s",
      "Completion p50 (ms)",
      "Completion p99 (ms)",
      "Worker CPU / request (ms)",
      "Worker peak RSS (MB)",
    ],
    outcomes.map((o) => [
      o.scenario.name,
      o.scenario.connections,
      num(o.run.acks.length),
      num(rps(o)),
      ms(o.ack.p50),
      ms(o.ack.p99),
      num(o.run.acks.filter((a) => a > 3000).length),
      o.completion ? ms(o.completion.p50) : "—",
      o.completion ? ms(o.completion.p99) : "—",
      ms(o.cpuPerRequestMs),
      mb(o.maxRssMb * 1024 * 1024),
    ]),
  );
  const bare = outcomes.find((o) => o.scenario.mode === "bare");
  const real = outcomes.find((o) => o.scenario.mode === "real");
  if (bare && real)
    console.log(
      `\nThroughput ratio, bare ÷ real (\`${real.scenario.text}\`): ${ratio(rps(bare), rps(real))}; real ÷ bare: ${ratio(rps(real), rps(bare))}.`,
    );
  table(
    `Slash command load on ${ENGINE_NAMES[engine]}: correctness checks`,
    [
      "Scenario",
      "Non-2xx",
      "Errors / timeouts",
      "Answers missing or wrong",
      "Answered in the ack",
      "Answers sent through the Web API fallback (incl. warm-up)",
      "Worker log warnings and errors (incl. warm-up)",
    ],
    outcomes.map((o) => [
      o.scenario.name,
      o.run.non2xx,
      `${o.run.errors} / ${o.run.timeouts}`,
      o.scenario.mode === "real" ? o.unexpected : "—",
      o.scenario.mode === "real" ? `${num(o.inAck)} of ${num(o.run.acks.length)}` : "—",
      o.viaWebApi,
      o.logProblems,
    ]),
  );
}
