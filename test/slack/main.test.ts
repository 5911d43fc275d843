/** `npm start` with Slack settings: the real entry point serves /slack/events and /healthz on PORT. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { sendSigned, slashCommandBody } from "../fakes/slack-requests.js";
import { lastPost } from "./blocks.js";

let child: ChildProcess | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  const running = child;
  child = undefined;
  if (running && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  }
  await fake?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string): Promise<Response> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(url).catch(() => undefined);
    if (res) return res;
    if (child?.exitCode !== null) throw new Error(`the bot exited with ${child?.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the bot never started listening");
}

describe("npm start with Slack settings", () => {
  it("verifies the token, serves /healthz and answers a signed /secops over HTTP", async () => {
    fake = await FakeSlack.start();
    fake.state.users.set("UADMIN", { id: "UADMIN", name: "ada", displayName: "Ada" });
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, SECOPS_PLATFORMS: "slack", SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: "main-secret", SLACK_API_URL: fake.apiUrl, PORT: String(port), DATABASE_URL: ":memory:", LOG_LEVEL: "silent" };
    delete env.SLACK_APP_TOKEN;
    child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), ["src/main.ts"], { env, stdio: "ignore" });
    const health = await waitUntilUp(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(fake.callsTo("auth.test")).toHaveLength(1);
    const ready = (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as { checks: Record<string, { ok: boolean }> };
    expect(ready.checks.slack?.ok).toBe(true);
    const responseUrl = fake.responseUrl();
    const body = slashCommandBody({ text: "help", userId: "UADMIN", userName: "ada", channelId: "C1", responseUrl, triggerId: fake.trigger() });
    const res = await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, "application/x-www-form-urlencoded", { secret: "main-secret" });
    expect(res.status).toBe(200);
    await fake.waitFor("the help answer", () => fake!.postsTo(responseUrl).length > 0);
    expect(lastPost(fake, responseUrl).text).toContain("SecOps bot commands");
  });
});
