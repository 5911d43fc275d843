import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { runConsole } from "../../adapters/console/index.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

const run = promisify(execFile);
let t: TestBot | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function converse(lines: string[]): Promise<string> {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const done = runConsole({ bot: t.bot, input, output, user: "admin", prompt: false });
  input.end(lines.join("\n") + "\n");
  await done;
  return text;
}

describe("console adapter", () => {
  it("answers one command per line and presses buttons by number", async () => {
    const out = await converse(["assign S1-2 @dana due friday", "2", "task S1-2"]);
    expect(out).toContain("Owner: dana");
    expect(out).toContain("[1] Start  [2] Done  [3] Snooze a week  [4] Reassign");
    expect(out).toContain("Status: done");
    expect(out).toMatch(/admin: status\n\s+open → done/);
  });

  it("prints hostile text inert: no terminal escapes reach the screen", async () => {
    const out = await converse(['add S2 "Patch \u001b]0;pwned\u0007 now"', 'add S2 "Evil \u001b[2J title"']);
    expect(out).not.toContain("\u001b");
    expect(out).toContain("control characters");
  });
});

describe("npm start with piped input", () => {
  it("runs the console on a database file that keeps its state between runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "secops-console-"));
    dirs.push(dir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: join(dir, "bot.db"),
      LOG_LEVEL: "silent",
      SECOPS_PLATFORMS: "",
    };
    delete env.SLACK_BOT_TOKEN;
    delete env.MicrosoftAppId;
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const first = run(tsx, ["src/main.ts"], { env, timeout: 30_000 });
    first.child.stdin?.end("assign S1-2 @dana due 2099-01-15\nplan\n");
    const { stdout } = await first;
    expect(stdout).toContain("S1-2 → dana, due Thu 15 Jan 2099");
    expect(stdout).toContain("Threat protection and XDR adoption plan");
    const second = run(tsx, ["src/main.ts"], { env, timeout: 30_000 });
    second.child.stdin?.end("tasks overdue\ntasks @dana\n");
    const { stdout: later } = await second;
    expect(later).toContain("No tasks match.");
    expect(later).toContain("S1-2  Turn on Microsoft Defender for Office 365");
    expect(later).toContain("dana · Thu 15 Jan 2099 · ○");
  });
});
