import { unzipSync } from "fflate";
import { PNG } from "pngjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  for (const id of ["S1-1", "S1-2", "S1-3", "S1-4", "S1-5"]) await t.run(`done ${id}`);
  await t.run("assign S2-3 @dana");
  await t.run("block S2-3 no budget");
  await t.run("assign S3-5 @kim");
  await t.run("start S3-5");
  await t.run("stakeholder sponsor @cleo");
});
afterEach(() => t.close());

/** The slides' XML and their text runs, read from the zip (not by the library that wrote it). */
function readDeck(reply: Reply): { xml: string[]; text: string[]; media: Uint8Array[] } {
  if (reply.kind === "form" || !reply.file) throw new Error("no file");
  const files = unzipSync(Buffer.from(reply.file.base64, "base64"));
  const names = Object.keys(files)
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort();
  const xml = names.map((n) => new TextDecoder().decode(files[n]));
  const text = xml.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("|"));
  const media = Object.keys(files)
    .filter((f) => f.startsWith("ppt/media/") && f.endsWith(".png"))
    .map((f) => files[f]!);
  return { xml, text, media };
}

describe("export slides", () => {
  it("draws the four stages with each objective coloured by status, owners and the month's change", async () => {
    const reply = await t.run("export slides");
    expect(reply.kind !== "form" && reply.file?.name).toBe("secops-adoption-2026-11-28.pptx");
    const deck = readDeck(reply);
    expect(deck.xml).toHaveLength(2);
    const [stages = ""] = deck.text;
    for (const stage of ["Stage 1", "Stage 2", "Stage 3", "Stage 4"]) expect(stages).toContain(stage);
    for (const area of t.services.plan.areas.filter((a) => a.kind === "stage"))
      for (const o of area.objectives) expect(stages).toContain(o.name);
    expect(stages).toContain("5/8 done · +5 in 2026-11");
    expect(stages).toMatch(/Turn on XDR tools\|Done · 5\/5\|no owner/);
    expect(stages).toMatch(/Define internal process for SecOps\|Blocked · 0\/4\|dana/);
    expect(stages).toMatch(/Proactively hunt for threats\|In progress · 0\/2\|kim/);
    expect(stages).toContain("CISO, CIO, or Director of Data Security: cleo");
    const box = (name: string) => deck.xml[0]!.split("<p:sp>").find((s) => s.includes(`<a:t>${name}</a:t>`)) ?? "";
    expect(box("Turn on XDR tools")).toContain('<a:srgbClr val="2563EB"');
    expect(box("Define internal process for SecOps")).toContain('<a:srgbClr val="DC2626"');
    expect(box("Turn on Defender for IoT")).toContain('<a:srgbClr val="CBD5E1"');
  });

  it("puts the incident numbers and the incidents chart on the second slide", async () => {
    const deck = readDeck(await t.run("export slides"));
    const [, incidents = ""] = deck.text;
    expect(incidents).toContain("Incidents, last 12 weeks");
    expect(incidents.match(/\d{4}-\d{2}-\d{2}/g)).toHaveLength(12);
    expect(deck.media).toHaveLength(1);
    const png = PNG.sync.read(Buffer.from(deck.media[0]!));
    expect([png.width, png.height]).toEqual([720, 360]);
  });
});
