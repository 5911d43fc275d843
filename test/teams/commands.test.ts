import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA, CHANNEL, DANA, EVE, channel, personal } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeamsHarness();
});
afterEach(() => h.close());

describe("Teams commands through the real CloudAdapter", () => {
  it("answers help in a personal chat with an Adaptive Card 1.5 replying to the message", async () => {
    const activity = personal(h.connector.serviceUrl, EVE, "help");
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    const call = h.last();
    expect(call?.operation).toBe("replyToActivity");
    expect(call?.prefix).toBe(new URL(h.connector.serviceUrl).pathname);
    expect(call?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(call?.activityId).toBe(activity.id);
    const attachment = (call?.body?.attachments as { contentType: string }[])[0];
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(h.card(call).version).toBe("1.5");
    expect(h.cardText(call)).toContain("SecOps bot commands");
    expect(h.cardText(call)).toContain("assign S2 @dana due 2027-01-15");
  });

  it("strips the bot's @mention in a channel and replies inside the thread", async () => {
    await h.post(channel(h.connector.serviceUrl, ADA, "plan"));
    const call = h.last();
    expect(call?.conversationId).toBe(`${CHANNEL};messageid=1759881511856`);
    expect(h.cardText(call)).toContain("Threat protection and XDR adoption plan");
  });

  it("ignores channel chatter that does not @mention the bot", async () => {
    const activity = channel(h.connector.serviceUrl, ADA, "plan");
    await h.post({ ...activity, text: "plan", entities: [] });
    expect(h.connector.callsOf("replyToActivity")).toHaveLength(0);
  });

  it("lists tasks and shows one task with its buttons", async () => {
    await h.post(personal(h.connector.serviceUrl, ADA, "tasks S1"));
    expect(h.cardText(h.last())).toContain("S1-2");
    await h.post(personal(h.connector.serviceUrl, ADA, "task S1-2"));
    const actions = JSON.stringify(h.card(h.last()));
    expect(actions).toContain('"type":"Action.Submit"');
    expect(actions).toContain('"data":{"actionId":"task.done","value":"S1-2"}');
  });

  it("assigns to a person from their mention entity, keyed by Entra object id with the email from Teams", async () => {
    await h.post(channel(h.connector.serviceUrl, ADA, "assign S1-2 <at>Dana Lee</at> due friday", [DANA]));
    const text = h.cardText(h.last());
    expect(text).toContain("Dana Lee");
    expect(text).toContain("S1-2 → Dana Lee, due Fri 4 Dec");
    const task = await h.services.tasks.get(h.workspace, "S1-2");
    const owner = await h.services.people.byPlatformId(h.workspace, DANA.aadObjectId ?? "");
    expect(task?.ownerId).toBe(owner?.id);
    expect(owner?.email).toBe("dana@contoso.com");
    expect(h.connector.callsOf("getMember").map((c) => c.memberId)).toContain(DANA.id);
  });

  it("does not take identity from mention text without an entity", async () => {
    await h.post(channel(h.connector.serviceUrl, ADA, "assign S1-2 <at>Dana Lee</at>"));
    expect(h.cardText(h.last())).toMatch(/not a person/);
    expect((await h.services.tasks.get(h.workspace, "S1-2"))?.ownerId).toBeNull();
  });

  it("marks a task done, adds a task and changes a role", async () => {
    await h.post(personal(h.connector.serviceUrl, ADA, "done S1-1 rolled out"));
    expect((await h.services.tasks.get(h.workspace, "S1-1"))?.status).toBe("done");
    await h.post(personal(h.connector.serviceUrl, ADA, 'add S2 "Tune phishing simulation" due 2026-12-20'));
    expect(h.cardText(h.last())).toContain("Tune phishing simulation");
    await h.post(channel(h.connector.serviceUrl, ADA, "role <at>Eve Analyst</at> analyst", [EVE]));
    expect(h.cardText(h.last())).toContain("Eve Analyst is now analyst");
    expect((await h.services.people.byPlatformId(h.workspace, EVE.aadObjectId ?? ""))?.role).toBe("analyst");
  });

  it("refuses a command the sender's role does not allow, and changes nothing", async () => {
    await h.post(personal(h.connector.serviceUrl, EVE, "assign S1-2 @someone"));
    expect(h.cardText(h.last())).toMatch(/needs/);
    expect((await h.services.tasks.get(h.workspace, "S1-2"))?.ownerId).toBeNull();
  });
});
