/** Runs the real entry point (src/main.ts) as a child process on a free port, for end-to-end tests. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

/** A running bot process. */
export interface RunningMain {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process wrote to stderr (its JSON logs). */
  stderr(): string;
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

/** Starts `tsx src/main.ts` with `env` over a clean copy of this process's environment, and waits for /healthz. */
export async function startMain(env: NodeJS.ProcessEnv): Promise<RunningMain> {
  const port = await freePort();
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(base)) if (/^(SLACK_|MICROSOFT_APP_|Microsoft|AZURE_|GRAPH_|SECOPS_)/.test(name)) delete base[name];
  const full = { DATABASE_URL: ":memory:", LOG_LEVEL: "silent", ...base, ...env, PORT: String(port) };
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), ["src/main.ts"], { env: full, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    return exited;
  };
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/healthz`).catch(() => undefined)) return { child, port, url, stderr: () => stderr, stop };
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error("the bot never started listening");
}
