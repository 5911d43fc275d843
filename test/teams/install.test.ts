import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA, CHANNEL, TEAM, TENANT, botAddedToTeam, channel, installation, personal } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeamsHarness();
});

/** The stored Teams conversation of the test tenant's workspace. */
function conversation(id: string) {
  return h.storage.conversations.get({ workspace: `teams:${TENANT}`, platform: "teams", id });
}
afterEach(() => h.close());

describe("Teams conversation references", () => {
  it("stores the team's reference when the bot is added, and says hello", async () => {
    expect((await h.post(botAddedToTeam(h.connector.serviceUrl, ADA))).status).toBe(200);
    const row = await conversation(TEAM);
    expect(row?.workspace).toBe(`teams:${TENANT}`);
    expect(row?.kind).toBe("channel");
    expect(row?.active).toBe(true);
    expect(row?.name).toBe("Security");
    expect(row?.reference).toMatchObject({
      serviceUrl: h.connector.serviceUrl,
      channelId: "msteams",
      conversation: { id: TEAM, tenantId: TENANT },
      bot: { id: expect.stringMatching(/^28:/) },
    });
    expect(h.cardText(h.last())).toContain("Thanks for adding me");
  });

  it("stores a personal reference on installationUpdate, tied to the person, and deactivates it on removal", async () => {
    await h.post(installation(h.connector.serviceUrl, ADA, "add"));
    const id = `a:personal-${ADA.aadObjectId}`;
    const person = await h.services.people.byPlatformId(h.workspace, ADA.aadObjectId ?? "");
    expect(await conversation(id)).toMatchObject({
      kind: "personal",
      active: true,
      personId: person?.id,
    });
    await h.post(installation(h.connector.serviceUrl, ADA, "remove"));
    expect((await conversation(id))?.active).toBe(false);
    await h.post(personal(h.connector.serviceUrl, ADA, "help"));
    expect((await conversation(id))?.active).toBe(true);
  });

  it("keys a channel thread's reference by the channel, so later posts start new threads there", async () => {
    await h.post(channel(h.connector.serviceUrl, ADA, "help"));
    const row = await conversation(CHANNEL);
    expect(row?.kind).toBe("channel");
    expect(row?.name).toBe("SecOps");
    expect((row?.reference as { conversation: { id: string }; activityId?: string }).conversation.id).toBe(CHANNEL);
    expect(row?.reference).not.toHaveProperty("activityId");
    expect(await conversation(`${CHANNEL};messageid=1759881511856`)).toBeUndefined();
  });

  it("marks the team inactive when the bot is removed from it", async () => {
    await h.post(botAddedToTeam(h.connector.serviceUrl, ADA));
    const removed = {
      ...botAddedToTeam(h.connector.serviceUrl, ADA),
      membersAdded: undefined,
      membersRemoved: [{ id: "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c" }],
    };
    const calls = h.connector.calls.length;
    await h.post(removed);
    expect((await conversation(TEAM))?.active).toBe(false);
    expect(h.connector.calls.length).toBe(calls);
  });
});
