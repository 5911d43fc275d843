import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { startFakeOneDrive, type FakeOneDrive } from "../fakes/onedrive.js";
import { ADA, BOT, channel, personal } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

let h: TeamsHarness;
let drive: FakeOneDrive;
beforeEach(async () => {
  h = await startTeamsHarness();
  drive = await startFakeOneDrive();
});
afterEach(async () => {
  await drive.close();
  await h.close();
});

type Attachment = { contentType: string; name?: string; contentUrl?: string; content: Record<string, unknown> };
const attachmentsOf = (body: Record<string, unknown> | undefined) => (body?.attachments ?? []) as Attachment[];
const consentCards = () =>
  h.connector.calls
    .flatMap((c) => attachmentsOf(c.body))
    .filter((a) => a.contentType === "application/vnd.microsoft.teams.card.file.consent");

function consentInvoke(action: "accept" | "decline", token: unknown, name: string): Record<string, unknown> {
  const base = personal(h.connector.serviceUrl, ADA, "");
  return {
    ...base,
    type: "invoke",
    name: "fileConsent/invoke",
    text: undefined,
    value: {
      type: "fileUpload",
      action,
      context: { token },
      uploadInfo: {
        name,
        uploadUrl: `${drive.url}/upload/${name}`,
        contentUrl: `https://contoso-my.sharepoint.com/personal/ada/Documents/Applications/SecOps/${name}`,
        uniqueId: "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
        fileType: "xlsx",
      },
    },
  };
}

describe("Teams files", () => {
  it("offers an export with a file consent card and uploads it when accepted", async () => {
    await h.post(personal(h.connector.serviceUrl, ADA, "export workbook"));
    const [card] = consentCards();
    expect(card).toMatchObject({
      name: "secops-tracking-2026-11-28.xlsx",
      content: { description: "Tracking workbook" },
    });
    expect(card?.content.sizeInBytes).toBeGreaterThan(5000);
    const token = (card?.content.acceptContext as { token: string }).token;
    const res = await h.post(consentInvoke("accept", token, "secops-tracking-2026-11-28.xlsx"));
    expect(res.status).toBe(200);
    const upload = drive.uploads.get("secops-tracking-2026-11-28.xlsx");
    expect(upload?.range).toBe(`bytes 0-${(upload?.bytes.length ?? 0) - 1}/${upload?.bytes.length}`);
    expect(upload?.bytes.length).toBe(card?.content.sizeInBytes);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(upload?.bytes).Sheets.Tasks!);
    expect(rows.map((r) => r["Task ID"])).toEqual((await h.services.tasks.all(h.workspace)).map((t) => t.id));
    const info = h.connector.calls
      .flatMap((c) => attachmentsOf(c.body))
      .find((a) => a.contentType.endsWith("file.info"));
    expect(info).toMatchObject({ name: "secops-tracking-2026-11-28.xlsx", content: { fileType: "xlsx" } });
    await h.post(consentInvoke("accept", token, "again.xlsx"));
    expect(drive.uploads.has("again.xlsx")).toBe(false);
  });

  it("uploads nothing when the person declines", async () => {
    await h.post(personal(h.connector.serviceUrl, ADA, "export slides"));
    const token = (consentCards()[0]?.content.declineContext as { token: string }).token;
    expect((await h.post(consentInvoke("decline", token, "deck.pptx"))).status).toBe(200);
    expect(drive.uploads.size).toBe(0);
    expect(JSON.stringify(h.last()?.body)).toContain("Adoption tracker slides was not sent.");
  });

  it("answers in a channel with a link to the personal chat instead of a file", async () => {
    await h.post(channel(h.connector.serviceUrl, ADA, "export workbook"));
    expect(consentCards()).toHaveLength(0);
    expect(JSON.stringify(h.last()?.body)).toContain(encodeURIComponent(BOT.id));
  });

  it("imports a workbook attached in the personal chat", async () => {
    const csv = "Task ID,Owner,Due date,Status\r\nS2-1,,2027-03-01,In progress\r\n";
    const downloadUrl = drive.share("ours.csv", new TextEncoder().encode(csv));
    await h.post(
      personal(h.connector.serviceUrl, ADA, "", {
        attachments: [
          {
            contentType: "application/vnd.microsoft.teams.file.download.info",
            name: "ours.csv",
            content: { downloadUrl, uniqueId: "x", fileType: "csv" },
          },
        ],
      }),
    );
    expect(h.cardText(h.last())).toContain("Changed");
    await h.post(personal(h.connector.serviceUrl, ADA, "import apply"));
    expect(JSON.stringify(h.last()?.body)).toContain("Imported ours.csv: 0 tasks added, 1 changed");
    expect((await h.services.tasks.get(h.workspace, "S2-1"))?.status).toBe("in_progress");
  });
});
