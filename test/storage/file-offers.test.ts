/** File consent offers live in the database: any storage over it (a restart, another replica) takes an offer once. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { OutgoingFile } from "../../src/core/reply.js";
import { FILE_OFFER_TTL_MS } from "../../src/storage/repositories/file-offer-repository.js";
import type { Storage } from "../../src/storage/storage.js";
import { durableTestDatabase, openTestStorage } from "../support/test-storage.js";

const NOW = new Date("2026-11-28T10:00:00Z");
const FILE: OutgoingFile = {
  name: "secops-tracking-2026-11-28.xlsx",
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  base64: Buffer.from("workbook bytes").toString("base64"),
  title: "Tracking workbook",
};
const offer = { token: "a".repeat(32), workspace: "teams:t1", userId: "ada-object-id" };

const open: Storage[] = [];
let dir = "";
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function storage(db = durableTestDatabase(join(dir, "bot.db"))): Promise<{ s: Storage; db: typeof db }> {
  const s = await openTestStorage(db);
  open.push(s);
  return { s, db };
}

describe("file offers", () => {
  it("is taken once, by its person, from storage reopened over the same database", async () => {
    dir = mkdtempSync(join(tmpdir(), "secops-offers-"));
    const { s: first, db } = await storage();
    await first.fileOffers.create(offer, FILE, NOW);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const { s: second } = await storage(db);
    const later = new Date(NOW.getTime() + 60_000);
    expect(await second.fileOffers.take({ ...offer, userId: "eve-object-id" }, later)).toBeUndefined();
    expect(await second.fileOffers.take({ ...offer, workspace: "teams:other" }, later)).toBeUndefined();
    expect(await second.fileOffers.take(offer, later)).toEqual(FILE);
    expect(await second.fileOffers.take(offer, later)).toBeUndefined();
  });

  it("expires after a day and is cleared by the next offer", async () => {
    dir = mkdtempSync(join(tmpdir(), "secops-offers-"));
    const { s } = await storage();
    await s.fileOffers.create(offer, FILE, NOW);
    const expired = new Date(NOW.getTime() + FILE_OFFER_TTL_MS + 1);
    expect(await s.fileOffers.take(offer, expired)).toBeUndefined();
    const next = { ...offer, token: "b".repeat(32) };
    await s.fileOffers.create(next, FILE, expired);
    expect(await s.fileOffers.take(offer, NOW)).toBeUndefined();
    expect(await s.fileOffers.take(next, expired)).toEqual(FILE);
  });
});
