/** Task notices end to end in Slack: enqueued by commands, buttons and the modal; sent as DMs by the dispatcher. */
import { describe, expect, it } from "vitest";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { allText, button, lastPost } from "../slack/blocks.js";
import { useHarness, type Harness } from "../slack/harness.js";

const WS = "slack:T0FAKE";
let h: Harness;
useHarness((started) => (h = started));

/** Runs the dispatcher at `at` (the harness clock is Saturday 28 Nov, outside everyone's hours). */
async function deliverAt(at: string): Promise<{ channel: string; text: string; blocks: unknown }[]> {
  const before = h.fake.callsTo("chat.postMessage").length;
  const dispatcher = createDispatcher({
    storage: h.services,
    messengers: [h.adapter.messenger],
    clock: () => new Date(at),
    log: silentLogger(),
  });
  while ((await dispatcher.tick()) > 0);
  await dispatcher.stop();
  return h.fake
    .callsTo("chat.postMessage")
    .slice(before)
    .map((c) => ({ channel: String(c.args.channel), text: allText(c.args.blocks), blocks: c.args.blocks }));
}

const MONDAY = "2026-11-30T09:00:00Z";

describe("task notices in Slack", () => {
  it("DMs the assignee in their working hours with Start / Done / Snooze, and the buttons work from the DM", async () => {
    await h.command("role <@UDANA|dana> analyst");
    await h.command("assign S1-2 <@UDANA|dana> due 2026-12-04");
    expect(await deliverAt("2026-11-28T23:00:00Z")).toEqual([]);
    const [dm, ...others] = await deliverAt(MONDAY);
    expect(others).toEqual([]);
    expect(h.fake.callsTo("conversations.open").map((c) => c.args.users)).toEqual(["UDANA"]);
    expect(dm?.channel).toBe("DDANA");
    expect(dm?.text).toContain("Ada assigned you S1-2");
    expect(dm?.text).toContain("Fri 4 Dec");
    const start = await h.click(button(dm?.blocks, "Start"), "dana");
    expect(lastPost(h.fake, start.responseUrl).response_type).not.toBe("ephemeral");
    expect((await h.services.tasks.get(WS, "S1-2"))?.status).toBe("in_progress");
  });

  it("the Reassign modal tells the new owner and the previous one", async () => {
    await h.command("role <@UDANA|dana> analyst");
    await h.command("role <@ULEAD|lee> lead");
    await h.command("assign S1-2 <@UDANA|dana>");
    await deliverAt(MONDAY);
    const sent = await h.command("task S1-2");
    const clicked = await h.click(button(lastPost(h.fake, sent.responseUrl), "Reassign"));
    expect(clicked.status).toBe(200);
    const view = h.fake.callsTo("views.open")[0]?.args.view as Record<string, unknown>;
    await h.submit(view, {
      task: {
        value: {
          type: "static_select",
          selected_option: { value: "S1-2", text: { type: "plain_text", text: "S1-2" } },
        },
      },
      owner: { value: { type: "users_select", selected_user: "ULEAD" } },
      due: { value: { type: "datepicker", selected_date: null } },
    });
    const dms = await deliverAt(MONDAY);
    expect(dms.map((d) => d.channel).sort()).toEqual(["DDANA", "DLEAD"]);
    expect(dms.find((d) => d.channel === "DLEAD")?.text).toContain("Ada assigned you S1-2");
    expect(JSON.stringify(dms.find((d) => d.channel === "DDANA"))).toContain("moved from you to Lee, by Ada");
  });

  it("a block reaches the leads with the reason; me notify none silences the owner", async () => {
    await h.command("role <@UDANA|dana> analyst");
    await h.command("role <@ULEAD|lee> lead");
    await h.command("assign S2-1 <@UDANA|dana>");
    await h.command("block S2-1 waiting for licences", "dana");
    const dms = await deliverAt(MONDAY);
    const lead = dms.find((d) => d.channel === "DLEAD");
    expect(JSON.stringify(lead)).toContain("dana blocked S2-1");
    expect(JSON.stringify(lead)).toContain("waiting for licences");
    await h.command("me notify none", "dana");
    await h.command("due S2-1 2026-12-20");
    await h.command("assign S2-2 <@UDANA|dana>");
    expect(await deliverAt(MONDAY)).toEqual([]);
  });
});
