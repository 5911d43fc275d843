import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADA, DANA, EVE, personal, submit } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeamsHarness();
});
afterEach(() => h.close());

/** Shows task S1-2 as `who` and returns the id the connector gave the card message. */
async function showTask(who = ADA): Promise<string> {
  await h.post(personal(h.connector.serviceUrl, who, "task S1-2"));
  const id = h.last()?.response?.id;
  expect(typeof id).toBe("string");
  return String(id);
}

describe("Teams card actions (Action.Submit)", () => {
  it("marks the task done and replaces the card in place (PUT on replyToId)", async () => {
    const cardId = await showTask();
    const res = await h.post(submit(h.connector.serviceUrl, ADA, { actionId: "task.done", value: "S1-2" }, cardId));
    expect(res.status).toBe(200);
    const call = h.last();
    expect(call?.operation).toBe("updateActivity");
    expect(call?.method).toBe("PUT");
    expect(call?.activityId).toBe(cardId);
    expect(h.cardText(call)).toContain("done");
    expect(JSON.stringify(h.card(call))).not.toContain('"actionId":"task.done"');
    expect((await h.services.tasks.get(h.workspace, "S1-2"))?.status).toBe("done");
  });

  it("re-checks permissions: a button value grants nothing", async () => {
    await h.post(submit(h.connector.serviceUrl, EVE, { actionId: "task.done", value: "S1-2" }, "1760000000042"));
    expect(h.last()?.operation).toBe("replyToActivity");
    expect(h.cardText(h.last())).toMatch(/needs|may|only/i);
    expect((await h.services.tasks.get(h.workspace, "S1-2"))?.status).toBe("open");
  });

  it("assigns to whoever submits when the picker's Me choice is picked", async () => {
    const cardId = await showTask();
    const value = { actionId: "task.assign", value: "S1-2", people: ["owner"], task: "S1-2", owner: "me" };
    await h.post(submit(h.connector.serviceUrl, ADA, value, cardId));
    expect(h.cardText(h.last())).toContain("Ada Admin");
    expect((await h.services.tasks.get(h.workspace, "S1-2"))?.ownerName).toBe("Ada Admin");
  });

  it("reassigns through an input card with a people picker, then shows the updated card in place", async () => {
    const cardId = await showTask();
    await h.post(submit(h.connector.serviceUrl, ADA, { actionId: "task.reassign", value: "S1-2" }, cardId));
    const formCall = h.last();
    expect(formCall?.operation).toBe("updateActivity");
    expect(formCall?.activityId).toBe(cardId);
    const form = JSON.stringify(h.card(formCall));
    expect(form).toContain('"type":"Input.ChoiceSet"');
    expect(form).toContain('"dataset":"graph.microsoft.com/users"');
    expect(form).toContain('"type":"Input.Date"');
    expect(form).toContain('"actionId":"task.assign"');

    const value = {
      actionId: "task.assign",
      value: "S1-2",
      people: ["owner"],
      task: "S1-2",
      owner: DANA.aadObjectId,
      due: "2026-12-15",
    };
    await h.post(submit(h.connector.serviceUrl, ADA, value, cardId));
    const call = h.last();
    expect(call?.operation).toBe("updateActivity");
    expect(call?.activityId).toBe(cardId);
    expect(h.connector.callsOf("getMember").map((c) => c.memberId)).toContain(DANA.aadObjectId);
    expect(h.cardText(call)).toContain("Dana Lee");
    expect(h.cardText(call)).toContain("S1-2 → Dana Lee, due Tue 15 Dec");
    const owner = await h.services.people.byPlatformId(h.workspace, DANA.aadObjectId ?? "");
    expect(owner?.displayName).toBe("Dana Lee");
    expect((await h.services.tasks.get(h.workspace, "S1-2"))?.ownerId).toBe(owner?.id);
  });

  it("answers a tampered or unknown submission with a short reply and changes nothing", async () => {
    await h.post(
      submit(h.connector.serviceUrl, ADA, { actionId: "task.delete-everything", value: "S1-2" }, "1760000000042"),
    );
    expect(h.cardText(h.last())).toMatch(/no longer supported/);
    await h.post(submit(h.connector.serviceUrl, ADA, { actionId: 42, value: { $ne: 1 } } as never, "1760000000042"));
    expect(h.cardText(h.last())).toMatch(/not one I know/);
    await h.post(
      submit(
        h.connector.serviceUrl,
        ADA,
        { actionId: "task.assign", value: "S1-2", people: ["owner"], task: "S1-2", owner: "not-a-person" },
        "1760000000042",
      ),
    );
    expect((await h.services.tasks.get(h.workspace, "S1-2"))?.ownerId).toBeNull();
  });
});
