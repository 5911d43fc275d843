import { request } from "node:http";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, type Logger } from "../../src/logger.js";
import { ADA, personal } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

let h: TeamsHarness;
afterEach(() => h.close());

function unsignedJwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT", kid: "made-up" })}.${part(payload)}.${Buffer.from("not a signature").toString("base64url")}`;
}

async function expectRefusedAndNothingChanged(headers: Record<string, string>): Promise<void> {
  const res = await h.post(personal(h.connector.serviceUrl, ADA, 'add S2 "Sneaky task"'), headers);
  expect(res.status).toBe(401);
  expect(h.connector.calls).toHaveLength(0);
  expect(await h.storage.conversations.platformOf(h.workspace)).toBeUndefined();
  expect(await h.storage.people.all(h.workspace)).toHaveLength(0);
}

describe("Bot Framework authentication on /api/messages", () => {
  it("refuses a request without an Authorization header when MicrosoftAppId is set", async () => {
    h = await startTeamsHarness({ appId: "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8" });
    await expectRefusedAndNothingChanged({});
  });

  it("refuses a bogus bearer token (not a JWT) before any metadata fetch", async () => {
    h = await startTeamsHarness({ appId: "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8" });
    await expectRefusedAndNothingChanged({ authorization: "Bearer not-a-token" });
    await expectRefusedAndNothingChanged({ authorization: "Basic YWRtaW46YWRtaW4=" });
  });

  it("refuses a forged JWT whose issuer is not the Bot Framework's", async () => {
    h = await startTeamsHarness({ appId: "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8" });
    await expectRefusedAndNothingChanged({
      authorization: `Bearer ${unsignedJwt({ iss: "https://evil.example", aud: "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8" })}`,
    });
  });

  it("serves without authentication when no app id is configured (Emulator and local tests)", async () => {
    h = await startTeamsHarness();
    const res = await h.post(personal(h.connector.serviceUrl, ADA, "help"));
    expect(res.status).toBe(200);
    expect(h.connector.calls.at(-1)?.authorization).toBeUndefined();
  });

  it("answers malformed requests with 400 and no turn", async () => {
    h = await startTeamsHarness();
    expect((await h.post({ text: "help" })).status).toBe(400);
    expect((await h.post({ type: 42 } as never)).status).toBe(400);
    const notJson = await h.postRaw("{not json");
    expect(notJson.status).toBe(400);
    expect(h.connector.calls).toHaveLength(0);
  });
});

const APP = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";

/** A token that looks right for APP but whose signature nobody made. */
const plausibleToken = () =>
  unsignedJwt({ iss: "https://api.botframework.com", aud: APP, exp: Math.floor(Date.now() / 1000) + 600 });

/** A logger whose JSON lines the test can read. */
function capturedLog(): { log: Logger; lines: () => Record<string, unknown>[] } {
  let text = "";
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    log: createLogger("debug", sink),
    lines: () =>
      text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Sends headers and the first bytes of a body that claims `length` bytes, and never sends the rest. */
function unfinishedPost(url: string, headers: Record<string, string>, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(length), ...headers },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", reject);
    req.write('{"type":"message","text":"' + "x".repeat(1000));
  });
}

describe("cheap refusals before any parsing", () => {
  it("refuses a request without a bearer token before reading its body", async () => {
    h = await startTeamsHarness({ appId: APP });
    const status = await unfinishedPost(h.messagesUrl, {}, 50 * 1024 * 1024);
    expect(status).toBe(401);
    const bigAnonymous = await h.postRaw(JSON.stringify({ type: "message", text: "x".repeat(3 * 1024 * 1024) }));
    expect(bigAnonymous.status).toBe(401);
  });

  it("refuses a body over 256 KB and JSON nested deeper than 64 levels, even with a plausible token", async () => {
    h = await startTeamsHarness({ appId: APP });
    const bearer = { authorization: `Bearer ${plausibleToken()}` };
    const large = await h.post({ type: "message", text: "x".repeat(300 * 1024) }, bearer);
    expect(large.status).toBe(413);
    const deep = await fetch(h.messagesUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer },
      body: `{"type":"message","value":${"[".repeat(5000)}${"]".repeat(5000)}}`,
    });
    expect(deep.status).toBe(400);
    expect(h.connector.calls).toHaveLength(0);
  });

  it("reads at most 16 Teams requests at once and answers the rest 503 without reading them", async () => {
    h = await startTeamsHarness({ appId: APP });
    const authorization = `Bearer ${plausibleToken()}`;
    const held = Array.from({ length: 16 }, () =>
      unfinishedPost(h.messagesUrl, { authorization }, 100_000).catch(() => "hung up"),
    );
    await h.requestsReceived(16);
    expect(await unfinishedPost(h.messagesUrl, { authorization }, 100_000)).toBe(503);
    expect(held).toHaveLength(16);
  });
});

describe("invalid tokens", () => {
  it("logs at most 20 refusals a minute however many arrive", async () => {
    const captured = capturedLog();
    h = await startTeamsHarness({ appId: APP, log: captured.log });
    for (let i = 0; i < 30; i++)
      expect((await h.post({ type: "message" }, { authorization: "Bearer x" })).status).toBe(401);
    expect(captured.lines().filter((l) => l.msg === "teams: request refused (401)")).toHaveLength(20);
  });

  it.each([
    ["three dots of nothing", "Bearer a.b.c"],
    ["empty JSON parts", `Bearer e30.e30.e30`],
    [
      "alg none",
      `Bearer ${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from("{}").toString("base64url")}.`,
    ],
    ["a JWT for another app", `Bearer ${unsignedJwt({ iss: "https://api.botframework.com", aud: "someone-else" })}`],
  ])("answers %s with 401 and one quiet log line", async (_what, authorization) => {
    const captured = capturedLog();
    h = await startTeamsHarness({ appId: APP, log: captured.log });
    const res = await h.post(personal(h.connector.serviceUrl, ADA, "help"), { authorization });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/at |Error/);
    const lines = captured.lines().filter((l) => l.level !== 20);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: "teams: request refused (401)" });
    expect(JSON.stringify(lines[0])).not.toMatch(/\bat \S+ \(|stack/);
    expect(h.connector.calls).toHaveLength(0);
  });
});
