/** Runs the real entry point (src/main.ts) as a child process on a free port, for end-to-end tests. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** One JSON log line the process wrote to stderr. */
export type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; level?: number };

/** How the process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running bot process. */
export interface RunningMain {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process wrote to stderr (its JSON logs). */
  stderr(): string;
  /** Everything the process wrote to stdout. */
  stdout(): string;
  /** The stderr lines parsed as JSON (throws on a line that is not JSON). */
  logs(): LogLine[];
  /** Resolves with the first log line `match` accepts; rejects after `ms`, naming `what`. */
  waitForLog(what: string, match: (line: LogLine) => boolean, ms?: number): Promise<LogLine>;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node --import tsx src/main.ts` (the bot is the child itself, so a signal reaches it) with
 * `env` over a clean copy of this process's environment (as another user with `as`); does not wait.
 */
export async function spawnMain(env: NodeJS.ProcessEnv, as: { uid?: number; gid?: number } = {}): Promise<RunningMain> {
  const port = await freePort();
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(base))
    if (/^(SLACK_|MICROSOFT_APP_|Microsoft|AZURE_|GRAPH_|SECOPS_|LOG_LEVEL$|DATABASE_URL$)/.test(name))
      delete base[name];
  const full = { DATABASE_URL: ":memory:", LOG_LEVEL: "silent", ...base, ...env, PORT: String(port) };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: full,
    stdio: ["ignore", "pipe", "pipe"],
    ...as,
  });
  let stderr = "";
  let stdout = "";
  const listeners = new Set<() => void>();
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    listeners.forEach((l) => l());
  });
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const parsed = (): LogLine[] =>
    stderr
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as LogLine);
  const waitForLog = (what: string, match: (line: LogLine) => boolean, ms = 10_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = stderr
          .split("\n")
          .filter((l) => l.startsWith("{") && l.endsWith("}"))
          .map((l) => JSON.parse(l) as LogLine)
          .find(match);
        if (!found) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`the bot never logged ${what}; its last output:\n${stderr.slice(-3000)}`));
      }, ms);
      listeners.add(check);
      check();
    });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    return (await exited).code;
  };
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    stdout: () => stdout,
    logs: parsed,
    waitForLog,
    exited,
    stop,
  };
}

/** Starts `tsx src/main.ts` with `env` over a clean copy of this process's environment, and waits for /healthz. */
export async function startMain(env: NodeJS.ProcessEnv): Promise<RunningMain> {
  const bot = await spawnMain(env);
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${bot.url}/healthz`).catch(() => undefined)) return bot;
    if (bot.child.exitCode !== null) throw new Error(`the bot exited with ${bot.child.exitCode}: ${bot.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await bot.stop();
  throw new Error("the bot never started listening");
}
