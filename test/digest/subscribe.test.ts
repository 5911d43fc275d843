import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
afterEach(() => t.close());

const saved = () => t.services.subscriptions.forConversation({ workspace: t.workspace, platform: "console", id: "C1" });

describe("subscribe digest", () => {
  it("defaults to Monday 09:00 in the subscriber's own timezone", async () => {
    t = await createTestBot({ now: "2026-03-25T10:00:00Z" });
    await t.run("me timezone Europe/Berlin");
    const reply = await t.run("subscribe digest");
    expect(t.text(reply)).toContain("Weekly digest every Monday 09:00 (Europe/Berlin)");
    expect(t.text(reply)).toContain("Next digest: Monday 2026-03-30 09:00");
    expect((await saved())[0]?.settings).toMatchObject({ day: 1, hour: 9, minute: 0, timezone: "Europe/Berlin" });
  });

  it("takes a day, a time and a timezone, and lists them", async () => {
    t = await createTestBot({ now: "2026-03-25T10:00:00Z" });
    await t.run("subscribe digest weekly friday 16:30 America/New_York");
    expect(t.text(await t.run("subscriptions"))).toContain("Weekly digest every Friday 16:30 (America/New_York)");
    await t.run("subscribe digest tue 8:15 Asia/Tokyo");
    expect(t.text(await t.run("subscriptions"))).toContain("Weekly digest every Tuesday 08:15 (Asia/Tokyo)");
    expect(await saved()).toHaveLength(1);
  });

  it.each([
    ["subscribe digest Mars/Olympus", '"Mars/Olympus" is not a timezone'],
    ["subscribe digest weekly funday 09:00", '"funday" is not a day of the week'],
    ["subscribe digest weekly monday 24:00", '"24:00" is not a time of day'],
    ["subscribe digest weekly monday 9:75", '"9:75" is not a time of day'],
    ["subscribe digest weekly monday", "Missing the time"],
    ["subscribe digest weekly monday 09:00 Europe/Berlin extra", 'Unexpected "extra"'],
  ])("refuses %s with a reason and the usage, saving nothing", async (line, reason) => {
    t = await createTestBot({ now: "2026-03-25T10:00:00Z" });
    const text = t.text(await t.run(line));
    expect(text).toContain(reason);
    expect(text).toContain("Usage: subscribe");
    expect(await saved()).toEqual([]);
  });

  it("refuses a conversation the bot can no longer post to", async () => {
    t = await createTestBot({ now: "2026-03-25T10:00:00Z" });
    await t.services.conversations.markGone(
      { workspace: t.workspace, platform: "console", id: "C1", kind: "channel" },
      t.clock.now(),
    );
    expect(t.text(await t.run("subscribe digest"))).toContain("I can no longer post in this conversation");
    expect(await saved()).toEqual([]);
  });

  it("is for leads: an analyst is refused", async () => {
    t = await createTestBot({ now: "2026-03-25T10:00:00Z" });
    await t.run("role @ana analyst");
    expect(t.text(await t.run("subscribe digest", "ana"))).toContain("Subscribing to digest needs a lead or an admin");
    expect(await saved()).toEqual([]);
  });

  it("unsubscribes", async () => {
    t = await createTestBot({ now: "2026-03-25T10:00:00Z" });
    await t.run("subscribe digest");
    expect(t.text(await t.run("unsubscribe digest"))).toContain("Unsubscribed from digest");
    expect(await saved()).toEqual([]);
    expect(t.text(await t.run("unsubscribe digest"))).toContain("not subscribed to digest");
  });
});

describe("digest preview", () => {
  it("shows the digest now to the requester only, and sends and saves nothing", async () => {
    t = await createTestBot({ now: "2026-03-25T10:00:00Z" });
    await t.run("subscribe digest weekly friday 16:00 Europe/Berlin");
    await t.run("assign S1-1 @dana due 2026-03-27");
    const reply = await t.run("digest preview");
    expect(reply.visibility).toBe("requester");
    const text = t.text(reply);
    expect(text).toContain("Weekly digest · 2026-W12\n2026-03-18 to 2026-03-25 (Europe/Berlin)");
    expect(text).toContain("Preview, only for you: this conversation gets it every Friday 16:00 (Europe/Berlin).");
    expect(text).toContain("S1-1  Turn on Microsoft Defender for Endpoint | dana · due 2026-03-27");
    expect((await t.storage.outbox.all()).filter((r) => !r.key.startsWith("task-notice:"))).toEqual([]);
    expect(await t.storage.digests.count()).toBe(0);
  });

  it("draws the chart only where the platform shows images", async () => {
    t = await createTestBot({ now: "2026-03-25T10:00:00Z" });
    expect(t.text(await t.run("digest preview"))).not.toContain("[image");
    await t.close();
    t = await createTestBot({
      now: "2026-03-25T10:00:00Z",
      capabilities: { ephemeral: true, forms: true, threads: true, updateInPlace: true, images: true },
    });
    expect(t.text(await t.run("digest preview"))).toContain(
      "[image Stage progress. INV Understand your organization: 0 of 4 done (0%)",
    );
  });

  it("refuses anything but preview", async () => {
    t = await createTestBot();
    expect(t.text(await t.run("digest send"))).toContain('"send" is not a digest action');
  });
});
