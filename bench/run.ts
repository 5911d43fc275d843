/**
 * `npm run bench [-- slack graph digests]`: prints the machine, then runs the chosen benchmarks
 * (all by default) on each engine of BENCH_ENGINE and prints their figures as Markdown tables, ending
 * each benchmark with its headline figures on the engines side by side. Times are printed, never asserted.
 */
import { digestBenchmark } from "./digests.js";
import { floodBenchmark } from "./flood.js";
import { graphSyncBenchmark } from "./graph-sync.js";
import { slackLoadBenchmark } from "./slack-load.js";
import { startupBenchmark } from "./startup.js";
import { describeMachine } from "./machine.js";
import { describeDatabase } from "../src/storage/open-storage.js";
import { compareEngines, table, type Headline } from "./report.js";
import { ENGINE_NAMES, settings, type Engine } from "./settings.js";

const BENCHMARKS: Record<string, (engine: Engine) => Promise<Headline[]>> = {
  startup: startupBenchmark,
  slack: slackLoadBenchmark,
  graph: graphSyncBenchmark,
  digests: digestBenchmark,
  flood: async () => {
    await floodBenchmark();
    return [];
  },
};

/** Benchmarks that do not touch a chosen engine run once. */
const ENGINE_FREE = new Set(["startup", "flood"]);

async function main(): Promise<void> {
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !(name in BENCHMARKS));
  if (unknown.length)
    throw new Error(`unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(BENCHMARKS).join(", ")}`);
  const names = chosen.length ? chosen : Object.keys(BENCHMARKS);
  const env = Object.entries(process.env)
    .filter(([k]) => k.startsWith("BENCH_"))
    .map(([k, v]) => `${k}=${v} `)
    .join("");
  table(
    "Machine",
    ["", ""],
    [
      ...describeMachine().map((m) => [m.label, m.value]),
      ["Command", `${env}npm run bench${chosen.length ? ` -- ${chosen.join(" ")}` : ""}`],
      ["Settings", JSON.stringify({ ...settings, databaseUrl: describeDatabase(settings.databaseUrl) })],
    ],
  );
  const started = performance.now();
  for (const name of names) {
    const fn = BENCHMARKS[name];
    if (!fn) continue;
    const byEngine: { engine: string; headlines: Headline[] }[] = [];
    if (ENGINE_FREE.has(name)) byEngine.push({ engine: "either engine", headlines: await fn("sqlite") });
    else
      for (const engine of settings.engines)
        byEngine.push({ engine: ENGINE_NAMES[engine], headlines: await fn(engine) });
    compareEngines(`${name}: the bot against its baseline, per engine`, byEngine);
  }
  console.log(`\nTotal benchmark time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
