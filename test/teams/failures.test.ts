import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryError, type DeliveryTarget } from "../../src/core/messenger.js";
import { textReply } from "../../src/core/reply.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { ADA, CHANNEL, channel, personal } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

let h: TeamsHarness;
let target: DeliveryTarget;
const note = textReply("Weekly digest");

beforeEach(async () => {
  h = await startTeamsHarness();
  target = { platform: "teams", workspace: h.workspace, conversationId: CHANNEL };
  await h.post(channel(h.connector.serviceUrl, ADA, "help"));
});
afterEach(() => h.close());

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe("Teams connector failures", () => {
  it("reports 429 as retryable with the Retry-After, after one call (no hidden SDK retry)", async () => {
    h.connector.fail({ status: 429, retryAfterSeconds: 7 });
    const before = h.connector.calls.length;
    const err = await failure(h.teams.messenger.post(target, note));
    expect(err.permanent).toBe(false);
    expect(err.retryAfterMs).toBe(7000);
    expect(h.connector.calls.length - before).toBe(1);
  });

  it.each([412, 500, 502, 503, 504])("reports %i as retryable without retrying inside the SDK", async (status) => {
    h.connector.fail({ status });
    const before = h.connector.calls.length;
    const err = await failure(h.teams.messenger.post(target, note));
    expect(err.permanent).toBe(false);
    expect(err.conversationGone).toBe(false);
    expect(h.connector.calls.length - before).toBe(1);
  });

  it("treats 403 (bot removed) as permanent; the dispatcher marks the conversation gone and never calls Teams for it again", async () => {
    const dispatcher = createDispatcher({
      storage: h.services,
      messengers: [h.teams.messenger],
      clock: h.clock.now,
      log: silentLogger(),
    });
    const row = (key: string) => ({ key, ...target, op: "post" as const, reply: note });
    await h.services.outbox.enqueue(row("first"), h.clock.now());
    await h.services.outbox.enqueue(row("second"), h.clock.now());
    h.connector.fail({ status: 403 });
    await dispatcher.tick();
    expect(
      (await h.storage.conversations.get({ workspace: h.workspace, platform: "teams", id: CHANNEL }))?.active,
    ).toBe(false);
    expect((await h.services.outbox.all()).map((r) => [r.key, r.status])).toEqual([
      ["first", "failed"],
      ["second", "failed"],
    ]);
    const before = h.connector.calls.length;
    expect(await failure(h.teams.messenger.post(target, note))).toMatchObject({
      permanent: true,
      conversationGone: true,
    });
    expect(h.connector.calls.length).toBe(before);
    await dispatcher.stop();
  });

  it("reports an unreachable connector as retryable", async () => {
    await h.connector.close();
    const err = await failure(h.teams.messenger.post(target, note));
    expect(err.permanent).toBe(false);
    expect(
      (await h.storage.conversations.get({ workspace: h.workspace, platform: "teams", id: CHANNEL }))?.active,
    ).toBe(true);
  });

  it("treats 413 (too large) as permanent but keeps the conversation", async () => {
    h.connector.fail({ status: 413 });
    const root = h.teams.messenger.reply(target, `${CHANNEL};messageid=1`, note);
    expect(await failure(root)).toMatchObject({ permanent: true, conversationGone: false });
    expect(
      (await h.storage.conversations.get({ workspace: h.workspace, platform: "teams", id: CHANNEL }))?.active,
    ).toBe(true);
  });

  it("retries a throttled reply inside the turn and still answers", async () => {
    h.connector.fail({ status: 429, retryAfterSeconds: 0, when: (c) => c.operation === "replyToActivity" });
    h.connector.fail({ status: 502, when: (c) => c.operation === "replyToActivity" });
    const res = await h.post(personal(h.connector.serviceUrl, ADA, "help"));
    expect(res.status).toBe(200);
    expect(
      h.connector
        .callsOf("replyToActivity")
        .slice(-3)
        .map((c) => c.status),
    ).toEqual([429, 502, 201]);
  });

  it("marks a conversation gone when Teams answers a reply with 403 (bot removed)", async () => {
    h.connector.fail({ status: 403, when: (c) => c.operation === "replyToActivity" });
    expect((await h.post(channel(h.connector.serviceUrl, ADA, "help"))).status).toBe(200);
    expect(
      (await h.storage.conversations.get({ workspace: h.workspace, platform: "teams", id: CHANNEL }))?.active,
    ).toBe(false);
  });

  it("keeps serving when every reply fails: the turn is logged and the next one works", async () => {
    h.connector.fail({ status: 503, times: 3, when: (c) => c.operation === "replyToActivity" });
    expect((await h.post(personal(h.connector.serviceUrl, ADA, "help"))).status).toBe(200);
    h.connector.fail({ status: 413, when: (c) => c.operation === "replyToActivity" });
    expect((await h.post(personal(h.connector.serviceUrl, ADA, "help"))).status).toBe(200);
    expect((await h.post(personal(h.connector.serviceUrl, ADA, "plan"))).status).toBe(200);
    expect(h.last()?.status).toBe(201);
    expect(h.cardText(h.last())).toContain("adoption plan");
  });
});

describe("connector error classification", () => {
  it("treats an unreachable connector as retryable and a local failure as permanent", async () => {
    const { toDeliveryError } = await import("../../adapters/teams/errors.js");
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { name: "RestError", code: "ECONNREFUSED" });
    expect(toDeliveryError(refused).permanent).toBe(false);
    expect(toDeliveryError(new TypeError("name must be of type string")).permanent).toBe(true);
    const dated = {
      statusCode: 429,
      response: { headers: { get: () => new Date(Date.now() + 30_000).toUTCString() } },
    };
    expect(toDeliveryError(dated).retryAfterMs).toBeGreaterThan(20_000);
  });
});
