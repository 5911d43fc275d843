// Compiles the TypeScript into dist/ when a source is newer than the last build (or there is none).
// Plain JavaScript, so `npm start` and `npm install` (prepare) can run it before anything is compiled.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCE_DIRS = ["src", "adapters", "commands", "scripts"];
const CONFIG_FILES = ["tsconfig.json", "tsconfig.build.json", "package.json"];
/** tsc rewrites every output on each build, so the entry point's time is the last build's. */
const BUILT = join(ROOT, "dist", "src", "main.js");

function newestIn(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than a source or a compiler setting. */
export function buildIsStale() {
  const built = statSync(BUILT, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (!built) return true;
  const newest = Math.max(...[...SOURCE_DIRS, ...CONFIG_FILES].map((p) => newestIn(join(ROOT, p))));
  return newest > built;
}

/** Builds when stale; returns false when there is nothing to build from (sources not there yet). */
export function buildIfStale() {
  if (!existsSync(join(ROOT, "src", "main.ts"))) return false;
  if (!buildIsStale()) return true;
  process.stderr.write("Compiling TypeScript into dist/ (no build yet, or a source changed since the last one)…\n");
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
