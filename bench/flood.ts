/**
 * `npm run bench -- flood`: the real entry point serving Slack and Teams (with an app id), flooded
 * with unauthenticated Teams requests (no token; and a junk bearer token with 256 KB of nested JSON)
 * while signed /secops commands are sent one at a time. Prints the commands' ack latency with and
 * without the flood, and the bot's memory. Times are printed, never asserted.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { FakeSlack } from "../test/fakes/slack-web-api.js";
import { freePort } from "../test/support/run-main.js";
import { ms, note, table } from "./report.js";
import { BOT_TOKEN, SECRET, signedCommand } from "./slack-fixture.js";
import { percentile } from "./stats.js";

const APP_ID = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
const NESTED = `{"type":"message","value":${"[".repeat(60_000)}${"]".repeat(60_000)}}`.padEnd(255 * 1024, " ");

/** A JWT with the right issuer, audience and expiry for the bench's app id, signed by nobody. */
function forgedToken(): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const claims = { iss: "https://api.botframework.com", aud: APP_ID, exp: Math.floor(Date.now() / 1000) + 3600 };
  return `${part({ alg: "RS256", kid: "forged" })}.${part(claims)}.${part("no signature")}`;
}

async function commandLatencies(port: number, slack: FakeSlack, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const { headers, body } = signedCommand("help", i, slack.responseUrl());
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers, body });
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`a signed command got ${res.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return times;
}

/** Runs autocannon's CLI in its own process, so the flood does not slow the measuring client; resolves with its request count. */
function flood(port: number, headers: Record<string, string>, bodyFile: string, seconds: number): Promise<number> {
  const args = ["-c", "60", "-d", String(seconds), "-m", "POST", "-i", bodyFile, "-j"];
  for (const [name, value] of Object.entries({ "content-type": "application/json", ...headers }))
    args.push("-H", `${name}=${value}`);
  args.push(`http://127.0.0.1:${port}/api/messages`);
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "autocannon"), args, {
    stdio: ["ignore", "pipe", "ignore"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) =>
    child.on("exit", () =>
      resolve((JSON.parse(out || "{}") as { requests?: { total?: number } }).requests?.total ?? 0),
    ),
  );
}

/** Runs the flood benchmark and prints its table. */
export async function floodBenchmark(): Promise<void> {
  const slack = await FakeSlack.start();
  const bodyFile = join(tmpdir(), `secops-flood-${process.pid}.json`);
  writeFileSync(bodyFile, NESTED);
  const port = await freePort();
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), ["src/main.ts"], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_URL: ":memory:",
      LOG_LEVEL: "silent",
      SECOPS_PLATFORMS: "slack,teams",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "bench-password",
    },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 300 && !(await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined)); i++)
      await new Promise((r) => setTimeout(r, 100));
    note("flood: quiet baseline");
    const quiet = await commandLatencies(port, slack, 30);
    const rows: (string | number)[][] = [
      [
        "no flood",
        "—",
        ms(
          percentile(
            [...quiet].sort((a, b) => a - b),
            50,
          ),
        ),
        ms(Math.max(...quiet)),
      ],
    ];
    for (const [what, headers] of [
      ["60 connections, no token, 255 KB nested JSON", {}],
      ["60 connections, junk bearer token, 255 KB nested JSON", { authorization: "Bearer junk" }],
      ["60 connections, well-formed forged token, 255 KB nested JSON", { authorization: `Bearer ${forgedToken()}` }],
    ] as const) {
      note(`flood: ${what}`);
      const running = flood(port, headers, bodyFile, 12);
      await new Promise((r) => setTimeout(r, 1000));
      const during = await commandLatencies(port, slack, 30);
      const result = await running;
      rows.push([
        what,
        result,
        ms(
          percentile(
            [...during].sort((a, b) => a - b),
            50,
          ),
        ),
        ms(Math.max(...during)),
      ]);
    }
    table(
      "Signed /secops ack while /api/messages is flooded",
      ["Flood (12 s)", "Flood requests answered", "Ack p50 (ms)", "Ack max (ms)"],
      rows,
    );
  } finally {
    child.kill("SIGTERM");
    await slack.close();
  }
}
