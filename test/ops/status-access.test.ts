/**
 * What /readyz and /healthz tell whom, and how the server treats slow, idle and surplus
 * connections: through the real entry point, and the shared listen() with small limits.
 */
import { connect, type Socket } from "node:net";
import { networkInterfaces } from "node:os";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../../adapters/http/server.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { startMain, type RunningMain } from "../support/run-main.js";

const STATUS_TOKEN = "status-token-8d1f0c2b7a9e";

function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
}

/** Opens a raw connection and resolves once the server closes it, with what the server sent. */
function untilClosed(socket: Socket): Promise<string> {
  let received = "";
  socket.on("data", (d: Buffer) => (received += d.toString()));
  return new Promise((resolve) => socket.on("close", () => resolve(received)));
}

describe("health and readiness for strangers", { timeout: 60_000 }, () => {
  let slack: FakeSlack;
  let bot: RunningMain;
  beforeAll(async () => {
    slack = await FakeSlack.start();
    bot = await startMain({
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: "status-secret",
      SLACK_API_URL: slack.apiUrl,
      SECOPS_STATUS_TOKEN: STATUS_TOKEN,
    });
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
  });

  it("shows the checks on loopback, and only the status through a proxy or from another address", async () => {
    const local = (await (await fetch(`${bot.url}/readyz`)).json()) as Record<string, unknown>;
    expect(Object.keys(local.checks as object).sort()).toEqual(["database", "jobs", "slack", "writes"]);

    const proxied = await fetch(`${bot.url}/readyz`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(proxied.status).toBe(200);
    expect(await proxied.json()).toEqual({ ok: true });
    expect(await (await fetch(`${bot.url}/healthz`, { headers: { forwarded: "for=203.0.113.9" } })).json()).toEqual({
      ok: true,
    });

    const wrongToken = await fetch(`${bot.url}/readyz`, {
      headers: { "x-forwarded-for": "203.0.113.9", authorization: "Bearer status-token-guess-000000" },
    });
    expect(await wrongToken.json()).toEqual({ ok: true });
    const withToken = await fetch(`${bot.url}/readyz`, {
      headers: { "x-forwarded-for": "203.0.113.9", authorization: `Bearer ${STATUS_TOKEN}` },
    });
    expect(Object.keys(((await withToken.json()) as { checks: object }).checks).sort()).toEqual([
      "database",
      "jobs",
      "slack",
      "writes",
    ]);

    const outside = outsideAddress();
    if (outside) {
      const remote = await fetch(`http://${outside}:${bot.port}/readyz`);
      expect(await remote.json()).toEqual({ ok: true });
    }
  });

  it("drops a connection that never finishes its headers", async () => {
    const socket = connect(bot.port, "127.0.0.1");
    const closed = untilClosed(socket);
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    const received = await closed;
    expect(received === "" || received.startsWith("HTTP/1.1 408")).toBe(true);
  }, 20_000);

  it("closes an idle keep-alive connection", async () => {
    const socket = connect(bot.port, "127.0.0.1");
    const closed = untilClosed(socket);
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n");
    expect(await closed).toMatch(/^HTTP\/1.1 200/);
  }, 20_000);
});

describe("connection cap", () => {
  it("closes connections beyond maxConnections on arrival", async () => {
    const app = express();
    app.get("/", (_req, res) => void res.send("hi"));
    const server = await listen(app, 0, "127.0.0.1", {
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5_000,
      requestTimeoutMs: 30_000,
      maxConnections: 2,
    });
    const port = (server.address() as { port: number }).port;
    const sockets = [connect(port, "127.0.0.1"), connect(port, "127.0.0.1")];
    await Promise.all(sockets.map((s) => new Promise((r) => s.once("connect", r))));
    const accepted = () => new Promise<number>((r) => server.getConnections((_err, n) => r(n)));
    while ((await accepted()) < 2) await new Promise((r) => setImmediate(r));
    const third = connect(port, "127.0.0.1");
    const closed = untilClosed(third);
    third.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(await closed).toBe("");
    for (const s of sockets) s.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
});
