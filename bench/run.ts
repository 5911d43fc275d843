/**
 * `npm run bench [-- slack graph digests]`: prints the machine, then runs the chosen benchmarks
 * (all by default) and prints their figures as Markdown tables. Times are printed, never asserted.
 */
import { digestBenchmark } from "./digests.js";
import { floodBenchmark } from "./flood.js";
import { graphSyncBenchmark } from "./graph-sync.js";
import { slackLoadBenchmark } from "./slack-load.js";
import { describeMachine } from "./machine.js";
import { table } from "./report.js";
import { settings } from "./settings.js";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  slack: slackLoadBenchmark,
  graph: graphSyncBenchmark,
  digests: digestBenchmark,
  flood: floodBenchmark,
};

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
      ["Settings", JSON.stringify(settings)],
    ],
  );
  const started = performance.now();
  for (const name of names) {
    const fn = BENCHMARKS[name];
    if (fn) await fn();
  }
  console.log(`\nTotal benchmark time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
