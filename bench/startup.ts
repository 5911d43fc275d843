/**
 * Start-up: how long a new user waits for the console to answer `help`, through `npm start` and
 * through the built file, against `node -e 0` and a bare Bolt app that starts and stops. Each
 * command runs a few times after a warm-up run; the figures are the medians of wall time and the
 * peak RSS of the run (from /usr/bin/time when present).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ms, mb, note, ratio, table, type Headline } from "./report.js";
import { percentile } from "./stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 5;
const TIME = "/usr/bin/time";

interface Run {
  wallMs: number;
  maxRssKb: number;
}

/** Runs `command` in a shell from the repository root with `help` on its standard input. */
function runOnce(command: string, env: NodeJS.ProcessEnv): Run {
  const timed = existsSync(TIME) ? `${TIME} -f '%M' ${command}` : command;
  const started = performance.now();
  const result = spawnSync("sh", ["-c", timed], { cwd: ROOT, env, input: "help\n", encoding: "utf8" });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr}`);
  const rss = Number(/(\d+)\s*$/.exec(result.stderr.trim())?.[1] ?? NaN);
  return { wallMs, maxRssKb: rss };
}

function measure(
  label: string,
  command: string,
  env: NodeJS.ProcessEnv,
): { label: string; p50: number; max: number; rssKb: number } {
  runOnce(command, env);
  const runs = Array.from({ length: RUNS }, () => runOnce(command, env));
  const walls = runs.map((r) => r.wallMs).sort((a, b) => a - b);
  note(`start-up: ${label}: ${walls.map((w) => w.toFixed(0)).join(", ")} ms`);
  return {
    label,
    p50: percentile(walls, 50),
    max: walls[walls.length - 1] ?? NaN,
    rssKb: Math.max(...runs.map((r) => r.maxRssKb)),
  };
}

/** Start-up does not depend on the storage engine: it runs the console on its embedded default. */
export async function startupBenchmark(): Promise<Headline[]> {
  const dir = mkdtempSync(join(tmpdir(), "secops-bench-start-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: join(dir, "console.db"),
  };
  try {
    const rows = [
      measure("node -e 0", "node -e 0", env),
      measure("bare Bolt app: import, listen, stop", "node bench/bare-bolt-start.mjs", env),
      measure("npm start --silent, help on stdin", "npm start --silent", env),
      measure("node dist/src/main.js, help on stdin", "node dist/src/main.js", env),
    ];
    const [node, bolt, npmStart, built] = rows as [
      (typeof rows)[number],
      (typeof rows)[number],
      (typeof rows)[number],
      (typeof rows)[number],
    ];
    table(
      `Start-up: the console answers help (median of ${RUNS} runs after a warm-up)`,
      ["Command", "Wall p50 (ms)", "Wall max (ms)", "Peak RSS (MB)", "÷ node -e 0", "÷ bare Bolt"],
      rows.map((r) => [
        r.label,
        ms(r.p50),
        ms(r.max),
        mb(r.rssKb, true),
        ratio(r.p50, node.p50),
        ratio(r.p50, bolt.p50),
      ]),
    );
    return [
      { measure: "Start-up: npm start, help (vs node -e 0)", unit: "ms", figure: npmStart.p50, baseline: node.p50 },
      {
        measure: "Start-up: node dist/src/main.js, help (vs node -e 0)",
        unit: "ms",
        figure: built.p50,
        baseline: node.p50,
      },
      {
        measure: "Start-up: node dist/src/main.js, help (vs bare Bolt)",
        unit: "ms",
        figure: built.p50,
        baseline: bolt.p50,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
