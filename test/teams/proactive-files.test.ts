import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { runMonthlyReports } from "../../src/reports/monthly.js";
import type { ConnectorCall, FakeMember } from "../fakes/bot-connector.js";
import { startFakeOneDrive, type FakeOneDrive } from "../fakes/onedrive.js";
import { durableTestDatabase } from "../support/test-storage.js";
import { ADA, BOT, CHANNEL, DANA, EVE, channel, personal } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

const CONSENT = "application/vnd.microsoft.teams.card.file.consent";
type Attachment = { contentType: string; name?: string; content: Record<string, unknown> };

let drive: FakeOneDrive;
const open: TeamsHarness[] = [];
let dir = "";
beforeEach(async () => {
  drive = await startFakeOneDrive();
  dir = mkdtempSync(join(tmpdir(), "secops-offers-"));
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  await drive.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startTeamsHarness>[0] = {}): Promise<TeamsHarness> {
  const h = await startTeamsHarness(options);
  open.push(h);
  return h;
}

async function stop(h: TeamsHarness): Promise<void> {
  open.splice(open.indexOf(h), 1);
  await h.close();
}

const attachmentsOf = (call: ConnectorCall) =>
  (call.body?.attachments ??
    (call.body?.activity as { attachments?: unknown } | undefined)?.attachments ??
    []) as Attachment[];
const withConsent = (calls: ConnectorCall[]) =>
  calls.filter((c) => attachmentsOf(c).some((a) => a.contentType === CONSENT));
const consentCalls = (h: TeamsHarness) => withConsent(h.connector.calls);
const tokenOf = (call: ConnectorCall | undefined) =>
  (attachmentsOf(call!).find((a) => a.contentType === CONSENT)?.content.acceptContext as { token: string }).token;

function consentInvoke(h: TeamsHarness, who: FakeMember, token: string, name: string): Record<string, unknown> {
  return {
    ...personal(h.connector.serviceUrl, who, ""),
    type: "invoke",
    name: "fileConsent/invoke",
    text: undefined,
    value: {
      type: "fileUpload",
      action: "accept",
      context: { token },
      uploadInfo: {
        name,
        uploadUrl: `${drive.url}/upload/${name}`,
        contentUrl: `https://contoso-my.sharepoint.com/personal/x/Documents/Applications/SecOps/${name}`,
        uniqueId: "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
        fileType: name.split(".").pop(),
      },
    },
  };
}

describe("Teams consent offers in the database", () => {
  it("uploads the file when the accept reaches a bot restarted after the offer", async () => {
    const database = durableTestDatabase(join(dir, "bot.db"));
    const first = await start({ database });
    await first.post(personal(first.connector.serviceUrl, ADA, "export workbook"));
    const token = tokenOf(consentCalls(first)[0]);
    await stop(first);

    const second = await start({ database });
    const res = await second.post(consentInvoke(second, ADA, token, "secops-tracking-2026-11-28.xlsx"));
    expect(res.status).toBe(200);
    const upload = drive.uploads.get("secops-tracking-2026-11-28.xlsx");
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(upload?.bytes).Sheets.Tasks!);
    expect(rows.map((r) => r["Task ID"])).toEqual((await second.services.tasks.all(second.workspace)).map((t) => t.id));
    expect(second.connector.calls.flatMap(attachmentsOf).some((a) => a.contentType.endsWith("file.info"))).toBe(true);

    await second.post(consentInvoke(second, ADA, token, "twice.xlsx"));
    expect(drive.uploads.has("twice.xlsx")).toBe(false);
  });

  it("keeps the offer for its person when someone else answers it", async () => {
    const h = await start();
    await h.post(personal(h.connector.serviceUrl, ADA, "export slides"));
    const token = tokenOf(consentCalls(h)[0]);
    await h.post(consentInvoke(h, EVE, token, "eve.pptx"));
    expect(drive.uploads.has("eve.pptx")).toBe(false);
    expect(JSON.stringify(h.last()?.body)).toContain("That file is no longer waiting");
    await h.post(consentInvoke(h, ADA, token, "ada.pptx"));
    expect(Object.keys(unzipSync(drive.uploads.get("ada.pptx")!.bytes))).toContain("ppt/slides/slide1.xml");
  });

  it("refuses an offer older than a day", async () => {
    const h = await start();
    await h.post(personal(h.connector.serviceUrl, ADA, "export slides"));
    const token = tokenOf(consentCalls(h)[0]);
    h.clock.advance(24 * 60 * 60 * 1000 + 1000);
    await h.post(consentInvoke(h, ADA, token, "late.pptx"));
    expect(drive.uploads.has("late.pptx")).toBe(false);
  });
});

describe("files on proactive Teams messages", () => {
  async function deliver(h: TeamsHarness, at: string): Promise<void> {
    const dispatcher = createDispatcher({
      storage: h.services,
      messengers: [h.teams.messenger],
      clock: () => new Date(at),
      log: silentLogger(),
    });
    while ((await dispatcher.tick()) > 0);
    await dispatcher.stop();
  }

  it("sends the monthly report's slides to stakeholders with a consent card and points the channel to the personal chat", async () => {
    const h = await start();
    await h.post(personal(h.connector.serviceUrl, DANA, "help"));
    await h.post(channel(h.connector.serviceUrl, ADA, "stakeholder sponsor <at>Dana Lee</at>", [DANA]));
    await h.post(channel(h.connector.serviceUrl, ADA, "subscribe report monthly Europe/Berlin"));
    const before = h.connector.calls.length;
    const at = "2026-12-01T08:05:00Z";
    expect(await runMonthlyReports(h.services, new Date(at))).toBe(1);
    await deliver(h, at);
    const calls = h.connector.calls.slice(before);

    const post = calls.find((c) => c.operation === "createConversation");
    const postText = h.cardText({ ...post!, body: post?.body?.activity as Record<string, unknown> });
    expect(postText).toContain("Monthly adoption report, 2026-12");
    expect(postText).toContain("export slides");
    expect(JSON.stringify(post?.body)).toContain(encodeURIComponent(BOT.id));
    expect(
      calls
        .filter((c) => c.conversationId?.startsWith(CHANNEL))
        .flatMap(attachmentsOf)
        .map((a) => a.contentType),
    ).not.toContain(CONSENT);

    const offers = withConsent(calls);
    expect(offers).toHaveLength(1);
    expect(offers[0]?.conversationId).toBe(`a:personal-${DANA.aadObjectId}`);
    const card = attachmentsOf(offers[0]!).find((a) => a.contentType === CONSENT);
    expect(card).toMatchObject({
      name: "secops-adoption-2026-12.pptx",
      content: { description: "Adoption tracker slides" },
    });

    await h.post(consentInvoke(h, DANA, tokenOf(offers[0]), "secops-adoption-2026-12.pptx"));
    const upload = drive.uploads.get("secops-adoption-2026-12.pptx");
    expect(upload?.bytes.length).toBe(card?.content.sizeInBytes);
    expect(Object.keys(unzipSync(upload!.bytes)).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(2);
  });

  it("draws an image file inside the channel's card instead of pointing elsewhere", async () => {
    const h = await start();
    await h.post(channel(h.connector.serviceUrl, ADA, "help"));
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    await h.teams.messenger.post(
      { platform: "teams", workspace: h.workspace, conversationId: CHANNEL },
      {
        kind: "text",
        visibility: "conversation",
        spans: ["Weekly chart"],
        file: {
          name: "p.png",
          mimeType: "image/png",
          base64: png.toString("base64"),
          title: "Stage progress",
          alt: "Stage progress. 3 of 4 done",
        },
      },
    );
    const activity = h.last()?.body?.activity as Record<string, unknown>;
    expect(JSON.stringify(activity)).toContain(`data:image/png;base64,${png.toString("base64")}`);
    expect(h.cardText({ ...h.last()!, body: activity })).toContain("Weekly chart");
    expect(consentCalls(h)).toHaveLength(0);
  });
});
