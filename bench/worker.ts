/**
 * Runs part of a benchmark in its own Node process (TypeScript through tsx), so the measured code
 * gets its own event loop and its own peak-memory figure, and talks to it over the IPC channel.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A forked benchmark process; messages arrive in order. */
export class Worker<Out> {
  private readonly inbox: Out[] = [];
  private readonly waiting: { resolve: (m: Out) => void; reject: (e: Error) => void }[] = [];
  private exited: Error | undefined;

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (m) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve(m as Out);
      else this.inbox.push(m as Out);
    });
    child.on("exit", (code, signal) => {
      this.exited = new Error(`benchmark worker exited (${signal ?? `code ${code}`})`);
      for (const w of this.waiting.splice(0)) w.reject(this.exited);
    });
  }

  /** Forks `file` (relative to bench/) with arguments; the environment is inherited. */
  static start<Out>(file: string, args: readonly string[]): Worker<Out> {
    const path = fileURLToPath(new URL(file, import.meta.url));
    return new Worker<Out>(
      fork(path, [...args], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }),
    );
  }

  /** The next message from the worker. */
  next(): Promise<Out> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Sends a message and waits for the answer. */
  ask(message: object): Promise<Out> {
    this.child.send(message);
    return this.next();
  }

  /** Waits until the worker has exited (asking it to stop when `message` is given). */
  async exit(message?: object): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    if (message) this.child.send(message);
    await done;
  }
}

/** Worker side: sends a message to the parent process. */
export function toParent(message: object): void {
  process.send?.(message);
}

/** Worker side: peak resident memory (from the kernel) and CPU time used so far. */
export function usage(): { maxRssMb: number; cpuMs: number } {
  const r = process.resourceUsage();
  return { maxRssMb: r.maxRSS / 1024, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 };
}
