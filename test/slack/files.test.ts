import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { runDigestCatchUp } from "../../src/digest/deliver.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { testClock } from "../support/clock.js";
import { CHANNEL, useHarness, type Harness } from "./harness.js";
import { testPlatforms } from "../support/platforms.js";

let h: Harness;
useHarness((x) => (h = x));

describe("Slack files", () => {
  it("uploads an export into the conversation with files.uploadV2's three steps", async () => {
    await h.command("assign S1-2 <@UDANA|dana> due 2026-12-20");
    await h.command("export workbook");
    const [reserve] = h.fake.callsTo("files.getUploadURLExternal");
    expect(reserve?.contentType).toBe("application/x-www-form-urlencoded");
    expect(reserve?.args).toMatchObject({ filename: "secops-tracking-2026-11-28.xlsx" });
    const [complete] = h.fake.callsTo("files.completeUploadExternal");
    expect(complete?.args).toMatchObject({ channel_id: CHANNEL, files: [{ title: "Tracking workbook" }] });
    const id = (complete?.args.files as { id: string }[])[0]?.id ?? "";
    const upload = h.fake.uploads.get(id);
    expect(upload?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(Number(reserve?.args.length)).toBe(upload?.bytes.length);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(upload?.bytes).Sheets.Tasks!);
    expect(rows.find((r) => r["Task ID"] === "S1-2")?.Owner).toBe("dana");
  });

  it("sends the file as a direct message where the bot is not in the channel", async () => {
    h.fake.state.channels.set("C0OTHER", { member: false, archived: false });
    await h.command("export csv audit", "admin", { channelId: "C0OTHER" });
    const completes = h.fake.callsTo("files.completeUploadExternal");
    expect(completes.map((c) => c.args.channel_id)).toEqual(["C0OTHER", "DADMIN"]);
    expect(h.fake.state.completed).toHaveLength(1);
  });

  it("uploads the digest's progress chart into the digest's thread, with its numbers as alt text", async () => {
    const monday = "2026-11-30T09:00:30Z";
    const clock = testClock(monday);
    const dispatcher = createDispatcher({
      storage: h.services,
      messengers: [h.adapter.messenger],
      clock: clock.now,
      log: silentLogger(),
    });
    try {
      await h.command("subscribe digest");
      await runDigestCatchUp({ services: h.services, platforms: testPlatforms(h.services) }, new Date(monday));
      await dispatcher.tick();
      const digest = h.fake
        .callsTo("chat.postMessage")
        .find((c) => JSON.stringify(c.args.blocks).includes("Weekly digest"));
      const [done] = h.fake.state.completed;
      expect(done).toMatchObject({
        channel: CHANNEL,
        threadTs: expect.stringMatching(/^\d+\.\d+$/),
        titles: ["Stage progress"],
      });
      expect(h.fake.state.messages.get(`${CHANNEL}:${done?.threadTs}`)?.blocks).toEqual(digest?.args.blocks);
      const reserve = h.fake.callsTo("files.getUploadURLExternal")[0];
      expect(String(reserve?.args.alt_text)).toContain(
        "Stage progress. INV Understand your organization: 0 of 4 done (0%)",
      );
      const png = PNG.sync.read(h.fake.uploads.get(done?.fileIds[0] ?? "")?.bytes ?? Buffer.alloc(0));
      expect([png.width, png.height]).toEqual([720, 64 + 7 * 30 + 16]);
    } finally {
      await dispatcher.stop();
    }
  });
});
