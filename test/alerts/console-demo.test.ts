/** `npm start` without credentials: the console subscribes to the demo incidents and sees thread roots printed by the dispatcher. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the demo in the console", () => {
  it("subscribes, then prints the thread roots through the dispatcher and the console messenger", async () => {
    const dir = mkdtempSync(join(tmpdir(), "secops-demo-"));
    dirs.push(dir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: join(dir, "bot.db"),
      LOG_LEVEL: "silent",
      SECOPS_PLATFORMS: "console",
    };
    for (const name of Object.keys(env)) if (/^(AZURE_|GRAPH_|SLACK_|Microsoft)/.test(name)) delete env[name];
    const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), ["src/main.ts"], {
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => pattern.test(out) && (resolve(), true);
        if (check()) return;
        child.stdout.on("data", check);
        child.once("exit", () => reject(new Error(`exited before ${pattern}:\n${out}`)));
      });
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stdin.write("subscribe incidents severity >= medium\n");
    await seen(/Posting 3 open incidents/);
    await seen(/#console\n\[HIGH\] Multi-stage incident/);
    child.stdin.end();
    await new Promise((resolve) => child.once("exit", resolve));
    expect(out).toContain("#console\n[MEDIUM] Impossible travel activity");
    expect(out).toContain("demo data, not a real alert");
  });
});
