import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { allText, button, lastPost } from "./blocks.js";
import { CHANNEL, useHarness, type Harness, type Who } from "./harness.js";

let h: Harness;
useHarness((x) => (h = x));
const WS = "slack:T0FAKE";

/** A workbook in the export's column shape, written by SheetJS (an editor other than the exporter). */
function workbook(rows: (string | number)[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([["Task ID", "Owner", "Due date", "Status"], ...rows]),
    "Tasks",
  );
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

/** `/secops import`, then submits the modal it opened with the uploaded file `fileId`. */
async function importThroughModal(fileId: string, who: Who = "admin"): Promise<Record<string, unknown>> {
  const sent = await h.command("import", who);
  const view = h.fake.callsTo("views.open").at(-1)?.args.view as Record<string, unknown>;
  await h.submit(view, { file: { value: { type: "file_input", files: [{ id: fileId, name: "x" }] } } }, who);
  return lastPost(h.fake, sent.responseUrl);
}

describe("Slack import from an uploaded file", () => {
  it("opens a modal with a file input, previews the uploaded workbook and applies it only with Apply", async () => {
    await h.command("assign S1-1 <@UDANA|dana>");
    const sent = await h.command("import");
    const view = h.fake.callsTo("views.open")[0]?.args.view as Record<string, unknown>;
    expect(view).toMatchObject({ type: "modal", callback_id: "import.upload", submit: { text: "Preview" } });
    expect((view.blocks as { element: unknown }[])[0]?.element).toEqual({
      type: "file_input",
      action_id: "value",
      filetypes: ["xlsx", "csv"],
      max_files: 1,
    });
    const id = h.fake.uploadedFile("ours.xlsx", workbook([["S1-2", "dana", "2026-12-20", "In progress"]]));
    await h.submit(view, { file: { value: { type: "file_input", files: [{ id, name: "ours.xlsx" }] } } });

    const info = h.fake.callsTo("files.info");
    expect(info.map((c) => [c.args.file, c.authorization])).toEqual([[id, `Bearer ${h.fake.token}`]]);
    expect(h.fake.downloads).toEqual([
      { path: `/files-pri/T0FAKE-${id}/download/ours.xlsx`, authorization: `Bearer ${h.fake.token}` },
    ]);
    const preview = lastPost(h.fake, sent.responseUrl);
    expect(preview.response_type).toBe("ephemeral");
    expect(allText(preview)).toContain("owner none → dana");
    expect(allText(preview)).toContain("status Not started → In progress");
    expect((await h.services.tasks.get(WS, "S1-2"))?.ownerName).toBeNull();

    await h.click(button(preview, "Apply"));
    const task = await h.services.tasks.get(WS, "S1-2");
    expect([task?.ownerName, task?.dueDate, task?.status]).toEqual(["dana", "2026-12-20", "in_progress"]);
    const history = (await h.services.auditLog.list(WS)).filter((e) => e.entityId === "S1-2");
    expect(history.every((e) => e.actorName === "Ada" && e.note === "imported from ours.xlsx")).toBe(true);
  });

  it("refuses a file over 10 MB from files.info's size without downloading it", async () => {
    const id = h.fake.uploadedFile("big.xlsx", workbook([["S1-2", "", "", "Done"]]), { size: 11 * 1024 * 1024 });
    const post = await importThroughModal(id);
    expect(allText(post)).toContain("big.xlsx was refused; nothing changed");
    expect(allText(post)).toContain("at most 10 MB is accepted");
    expect(h.fake.downloads).toEqual([]);
    const admin = await h.services.people.byPlatformId(WS, "UADMIN");
    expect(await h.services.imports.pending(WS, admin!.id)).toBeUndefined();
  });

  it("refuses a file that is not a workbook and a CSV with a formula, one line each, staging nothing", async () => {
    const fake = await importThroughModal(h.fake.uploadedFile("tasks.xlsx", Buffer.from("not a zip at all")));
    expect(allText(fake)).toContain("The file is not an Excel workbook (.xlsx).");
    const csv = "Task ID,Owner,Due date,Status\r\nS1-2,=cmd|' /C calc'!A0,,Done\r\n";
    const formula = await importThroughModal(h.fake.uploadedFile("tasks.csv", Buffer.from(csv)));
    expect(allText(formula)).toContain('Row 2, column 2 starts with "="');
    const admin = await h.services.people.byPlatformId(WS, "UADMIN");
    expect(await h.services.imports.pending(WS, admin!.id)).toBeUndefined();
    expect((await h.services.tasks.get(WS, "S1-2"))?.status).toBe("open");
  });

  it("says so when the file lives outside Slack or is gone", async () => {
    const external = await importThroughModal(h.fake.uploadedFile("drive.xlsx", Buffer.alloc(10), { external: true }));
    expect(allText(external)).toContain("drive.xlsx is not stored in Slack");
    const gone = await importThroughModal("F0GONE1");
    expect(allText(gone)).toContain("Slack did not let me read that file");
    expect(h.fake.downloads).toEqual([]);
  });

  it("never sends the bot token off Slack's host, even when a download redirects there", async () => {
    const seen: (string | undefined)[] = [];
    const elsewhere = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200).end("Task ID,Owner,Due date,Status\r\n");
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    try {
      const port = (elsewhere.address() as AddressInfo).port;
      const id = h.fake.uploadedFile("ours.csv", Buffer.from("x"), { redirectTo: `http://127.0.0.1:${port}/steal` });
      const post = await importThroughModal(id);
      expect(allText(post)).toContain("I could not download ours.csv from Slack");
      expect(seen).toEqual([]);
    } finally {
      elsewhere.closeAllConnections();
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });

  it("checks the submitter's role again when the modal comes back", async () => {
    const id = h.fake.uploadedFile("ours.csv", Buffer.from("Task ID,Owner,Due date,Status\r\nS1-2,,,Done\r\n"));
    const view = { type: "modal", callback_id: "import.upload", private_metadata: "", blocks: [] };
    await h.submit(view, { file: { value: { type: "file_input", files: [{ id, name: "ours.csv" }] } } }, "dana");
    const told = h.fake.callsTo("chat.postMessage").at(-1);
    expect(allText(told?.args)).toMatch(/needs .*lead/);
    const dana = await h.services.people.byPlatformId(WS, "UDANA");
    expect(await h.services.imports.pending(WS, dana!.id)).toBeUndefined();
    expect((await h.services.tasks.get(WS, "S1-2"))?.status).toBe("open");
  });

  it("previews a file shared in the channel with a mention, to the sharer alone", async () => {
    const id = h.fake.uploadedFile(
      "ours.csv",
      Buffer.from("Task ID,Owner,Due date,Status\r\nS2-1,,2027-03-01,Blocked\r\n"),
    );
    const event = {
      type: "app_mention",
      user: "UADMIN",
      text: "<@U0BOT> import",
      ts: "1700000100.000100",
      channel: CHANNEL,
      event_ts: "1700000100.000100",
      files: [{ id, name: "ours.csv", mimetype: "text/csv", filetype: "csv", size: 60 }],
    };
    expect(await h.event("Ev0IMPORT1", event)).toBe(200);
    const preview = h.fake.callsTo("chat.postEphemeral").at(-1);
    expect(preview?.args).toMatchObject({ channel: CHANNEL, user: "UADMIN" });
    expect(allText(preview?.args)).toContain("due none → 2027-03-01");
    expect(h.fake.downloads[0]?.authorization).toBe(`Bearer ${h.fake.token}`);
    expect((await h.services.tasks.get(WS, "S2-1"))?.status).toBe("open");
    await h.command("import apply");
    expect((await h.services.tasks.get(WS, "S2-1"))?.status).toBe("blocked");
  });

  it("answers a mention without a file with how to use the bot", async () => {
    await h.event("Ev0HELLO1", {
      type: "app_mention",
      user: "UADMIN",
      text: "<@U0BOT> hello",
      ts: "1700000200.000100",
      channel: CHANNEL,
      event_ts: "1700000200.000100",
    });
    expect(allText(h.fake.callsTo("chat.postEphemeral").at(-1)?.args)).toContain("/secops help");
    expect(h.fake.callsTo("files.info")).toEqual([]);
  });
});
