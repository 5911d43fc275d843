/** Task notices end to end in Teams: commands and card submissions enqueue them; the dispatcher DMs through the fake connector. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import type { ConnectorCall } from "../fakes/bot-connector.js";
import { ADA, DANA, EVE, channel, personal, submit } from "../teams/activities.js";
import { startTeamsHarness, type TeamsHarness } from "../teams/harness.js";

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeamsHarness();
});
afterEach(() => h.close());

/** Runs the dispatcher at `at`; returns the messages it sent and to which chat. */
async function deliverAt(at: string): Promise<{ to: string; text: string }[]> {
  const before = h.connector.calls.length;
  const dispatcher = createDispatcher({
    storage: h.services,
    messengers: [h.teams.messenger],
    clock: () => new Date(at),
    log: silentLogger(),
  });
  while ((await dispatcher.tick()) > 0);
  await dispatcher.stop();
  return h.connector.calls
    .slice(before)
    .filter((c: ConnectorCall) => c.operation === "sendToConversation")
    .map((c) => ({ to: String(c.conversationId), text: `${h.cardText(c)}\n${String(c.body?.text ?? "")}` }));
}

const MONDAY = "2026-11-30T09:00:00Z";
const say = (who: typeof ADA, text: string, people: (typeof ADA)[] = []) =>
  h.post(channel(h.connector.serviceUrl, who, text, people));

describe("task notices in Teams", () => {
  it("tells the assignee and, after a reassignment by card, the previous owner; never the one who acted", async () => {
    await say(ADA, "role <at>Dana Lee</at> analyst", [DANA]);
    await say(ADA, "role <at>Eve Analyst</at> lead", [EVE]);
    await say(ADA, "assign S1-2 <at>Dana Lee</at> due 2026-12-04", [DANA]);
    const [first, ...rest] = await deliverAt(MONDAY);
    expect(rest).toEqual([]);
    expect(first?.text).toContain("Ada Admin assigned you S1-2");
    expect(first?.text).toContain("Fri 4 Dec");
    expect(first?.text).toMatch(/Start[\s\S]*Done[\s\S]*Snooze a week/);

    await h.post(
      submit(
        h.connector.serviceUrl,
        ADA,
        { actionId: "task.assign", value: "S1-2", people: ["owner"], task: "S1-2", owner: EVE.aadObjectId },
        "1760000000042",
      ),
    );
    const second = await deliverAt(MONDAY);
    expect(second.map((m) => m.text).join("\n")).toContain("Ada Admin assigned you S1-2");
    expect(second.map((m) => m.text).join("\n")).toContain("moved from you to Eve Analyst, by Ada Admin");
    expect(second).toHaveLength(2);
  });

  it("tells the leads about a block and the owner about someone else's change, as their notify setting allows", async () => {
    await say(ADA, "role <at>Dana Lee</at> analyst", [DANA]);
    await say(ADA, "role <at>Eve Analyst</at> lead", [EVE]);
    await say(ADA, "assign S2-1 <at>Dana Lee</at>", [DANA]);
    await deliverAt(MONDAY);
    await h.post(personal(h.connector.serviceUrl, DANA, "block S2-1 waiting for the firewall team"));
    const blocked = await deliverAt(MONDAY);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.text).toContain("Dana Lee blocked S2-1");
    expect(blocked[0]?.text).toContain("waiting for the firewall team");

    await h.post(personal(h.connector.serviceUrl, DANA, "me notify important"));
    await say(EVE, "due S2-1 2026-12-20");
    expect(await deliverAt(MONDAY)).toEqual([]);
    await say(EVE, "done S2-1");
    await say(EVE, "reopen S2-1");
    const reopened = await deliverAt(MONDAY);
    expect(reopened.map((m) => m.text).join("\n")).toContain("Eve Analyst reopened S2-1");
    expect(reopened.map((m) => m.text).join("\n")).not.toContain("completed");
  });
});
