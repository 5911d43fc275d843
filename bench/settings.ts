/**
 * The benchmarks' knobs, read once from the environment: BENCH_SCALE shrinks (or grows) every data
 * set, BENCH_SECONDS and BENCH_CONNECTIONS shape the Slack load, BENCH_GRAPH_PAGE the Graph $top,
 * BENCH_ENGINE picks the storage engines and BENCH_DATABASE_URL the PostgreSQL server.
 */

/** A storage engine the benchmarks run on. */
export type Engine = "sqlite" | "postgres";

/** How the figures name an engine. */
export const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function engines(): Engine[] {
  const raw = (process.env.BENCH_ENGINE ?? "").trim() || "both";
  if (raw === "both") return ["sqlite", "postgres"];
  if (raw === "sqlite" || raw === "postgres") return [raw];
  throw new Error(`BENCH_ENGINE must be sqlite, postgres or both, got "${raw}"`);
}

/** The settings every benchmark reads. */
export const settings = {
  /** Multiplies every data-set size (1 = the figures in docs/performance.md). */
  scale: positive("BENCH_SCALE", 1),
  /** Seconds of measured load per Slack scenario (after a 2 s warm-up). */
  seconds: positive("BENCH_SECONDS", 10),
  /** Concurrent connections of the main Slack load. */
  connections: Math.round(positive("BENCH_CONNECTIONS", 20)),
  /** $top of each Graph page the sync asks for. */
  graphPage: Math.round(positive("BENCH_GRAPH_PAGE", 200)),
  /** The engines each benchmark runs on, in this order. */
  engines: engines(),
  /** The PostgreSQL server; each benchmark database is a schema of its own there, dropped afterwards. */
  databaseUrl: process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres",
};

/** A data-set size after BENCH_SCALE (at least 1). */
export function scaled(n: number): number {
  return Math.max(1, Math.round(n * settings.scale));
}
