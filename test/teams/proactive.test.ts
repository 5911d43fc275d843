import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryTarget } from "../../src/core/messenger.js";
import { cardReply, textReply } from "../../src/core/reply.js";
import { ADA, CHANNEL, DANA, EVE, TENANT, channel, installation } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

let h: TeamsHarness;
let target: DeliveryTarget;
const incident = cardReply(
  {
    title: "New incident 2972395",
    severity: "high",
    blocks: [{ type: "facts", facts: [{ label: "Status", value: "active" }] }],
  },
  "conversation",
);

beforeEach(async () => {
  h = await startTeamsHarness();
  target = { platform: "teams", workspace: h.workspace, conversationId: CHANNEL };
  await h.post(channel(h.connector.serviceUrl, ADA, "help"));
});
afterEach(() => h.close());

describe("Teams Messenger (proactive)", () => {
  it("posts to a channel by starting a new thread, and returns the thread's conversation id", async () => {
    const sent = await h.teams.messenger.post(target, incident);
    const call = h.last();
    expect(call?.operation).toBe("createConversation");
    expect(call?.prefix).toBe(new URL(h.connector.serviceUrl).pathname);
    expect(call?.body).toMatchObject({
      isGroup: true,
      tenantId: TENANT,
      channelData: { channel: { id: CHANNEL }, tenant: { id: TENANT } },
      bot: { id: expect.stringMatching(/^28:/) },
    });
    expect(h.cardText({ ...call!, body: call?.body?.activity as Record<string, unknown> })).toContain(
      "New incident 2972395",
    );
    expect(sent.threadId).toBe(call?.response?.id);
    expect(sent.threadId.startsWith(`${CHANNEL};messageid=`)).toBe(true);
    expect(sent.messageId).toBe(call?.response?.activityId);
  });

  it("replies inside the thread and updates the thread's root card in place", async () => {
    const root = await h.teams.messenger.post(target, incident);
    const reply = await h.teams.messenger.reply(target, root.threadId, textReply("Severity raised to critical"));
    const sent = h.last();
    expect(sent?.operation).toBe("sendToConversation");
    expect(sent?.conversationId).toBe(root.threadId);
    expect(reply).toEqual({ threadId: root.threadId, messageId: sent?.response?.id });
    expect(h.cardText(sent)).toContain("Severity raised to critical");

    await h.teams.messenger.update(
      target,
      root.messageId,
      cardReply({ title: "Incident 2972395 resolved", blocks: [] }),
    );
    const put = h.last();
    expect(put?.method).toBe("PUT");
    expect(put?.conversationId).toBe(root.threadId);
    expect(put?.activityId).toBe(root.messageId);
    expect(h.cardText(put)).toContain("Incident 2972395 resolved");
  });

  it("messages a person one to one in their existing personal chat", async () => {
    await h.post(installation(h.connector.serviceUrl, ADA, "add"));
    const sent = await h.teams.messenger.dm(h.workspace, ADA.aadObjectId ?? "", textReply("Training nudge"));
    const call = h.last();
    expect(call?.operation).toBe("sendToConversation");
    expect(call?.conversationId).toBe(`a:personal-${ADA.aadObjectId}`);
    expect(sent.conversationId).toBe(`a:personal-${ADA.aadObjectId}`);
    expect(h.connector.callsOf("createConversation")).toHaveLength(0);
  });

  it("creates a personal chat in the tenant for someone the bot never chatted with, then reuses it", async () => {
    await h.post(channel(h.connector.serviceUrl, ADA, "assign S1-2 <at>Dana Lee</at>", [DANA]));
    const first = await h.teams.messenger.dm(h.workspace, DANA.aadObjectId ?? "", textReply("S1-2 is due friday"));
    const [create] = h.connector.callsOf("createConversation");
    expect(create?.body).toMatchObject({
      isGroup: false,
      members: [{ id: DANA.id }],
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
    });
    expect(h.last()?.operation).toBe("sendToConversation");
    expect(h.last()?.conversationId).toBe(create?.response?.id);
    expect(first.conversationId).toBe(create?.response?.id);
    expect(
      (await h.storage.conversations.get({ workspace: h.workspace, platform: "teams", id: first.conversationId }))
        ?.kind,
    ).toBe("personal");
    const second = await h.teams.messenger.dm(h.workspace, DANA.aadObjectId ?? "", textReply("Reminder"));
    expect(second.conversationId).toBe(first.conversationId);
    expect(h.connector.callsOf("createConversation")).toHaveLength(1);
  });

  it("addresses a new personal chat by the Teams id learnt from the person's own messages", async () => {
    await h.post(channel(h.connector.serviceUrl, EVE, "help"));
    await h.teams.messenger.dm(h.workspace, EVE.aadObjectId ?? "", textReply("Training nudge"));
    expect(h.connector.callsOf("createConversation")[0]?.body).toMatchObject({ members: [{ id: EVE.id }] });
  });

  it("falls back to the object id for someone never seen", async () => {
    await h.post(channel(h.connector.serviceUrl, ADA, "help"));
    const stranger = "c0000000-0000-4000-8000-00000000000c";
    await h.teams.messenger.dm(h.workspace, stranger, textReply("Hello")).catch(() => undefined);
    expect(h.connector.callsOf("createConversation")[0]?.body).toMatchObject({ members: [{ id: stranger }] });
  });

  it("refuses to post where no reference was ever stored", async () => {
    await expect(
      h.teams.messenger.post({ ...target, conversationId: "19:unknown@thread.tacv2" }, incident),
    ).rejects.toMatchObject({ name: "DeliveryError", permanent: true });
  });
});
