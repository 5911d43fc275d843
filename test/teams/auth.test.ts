import { afterEach, describe, expect, it } from "vitest";
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
