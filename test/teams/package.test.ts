import { inflateSync } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTeamsPackage, PLACEHOLDER_ID, prepareManifest, TEAMS_DIR } from "../../scripts/teams-package.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const BOT_ID = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";

/** Width, height, colour type and raw RGBA rows of a PNG (filter 0 rows, as the icon script writes). */
function decodePng(png: Uint8Array): { width: number; height: number; colorType: number; pixels: number[][] } {
  const buf = Buffer.from(png);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const colorType = buf.readUInt8(25);
  const idat: Buffer[] = [];
  for (let i = 8; i < buf.length;) {
    const length = buf.readUInt32BE(i);
    if (buf.toString("ascii", i + 4, i + 8) === "IDAT") idat.push(buf.subarray(i + 8, i + 8 + length));
    i += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      pixels.push([...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)]);
  return { width, height, colorType, pixels };
}

describe("Teams app package", () => {
  it("zips the manifest with the bot id filled in, and both icons at the root", () => {
    const { zip } = buildTeamsPackage({ botId: BOT_ID });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as Record<string, unknown> & {
      bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
    };
    expect(manifest.manifestVersion).toBe("1.19");
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0]?.botId).toBe(BOT_ID);
    expect(manifest.bots[0]?.scopes).toEqual(["personal", "team", "groupChat"]);
    const commands = manifest.bots[0]?.commandLists[0]?.commands ?? [];
    expect(commands.length).toBeGreaterThan(5);
    expect(commands.length).toBeLessThanOrEqual(10);
    expect(commands.every((c) => c.title.length <= 32)).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain("{{");
  });

  it("ships a 192×192 colour icon and a 32×32 outline icon that is only white or transparent", () => {
    const files = unzipSync(buildTeamsPackage({ botId: BOT_ID }).zip);
    const color = decodePng(files["color.png"] ?? new Uint8Array());
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(files["outline.png"] ?? new Uint8Array());
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    expect(outline.pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 255)).toBe(true);
  });

  it("uses a placeholder without an app id, and refuses a manifest over Teams' limits", () => {
    const template = readFileSync(join(TEAMS_DIR, "manifest.json"), "utf8");
    const plain = prepareManifest(template, {});
    expect(plain.manifest.bots[0]?.botId).toBe(PLACEHOLDER_ID);
    expect(plain.warnings.join()).toMatch(/MicrosoftAppId/);
    const tooMany = JSON.parse(template) as {
      bots: { commandLists: { commands: { title: string; description: string }[] }[] }[];
    };
    tooMany.bots[0]?.commandLists[0]?.commands.push({
      title: "a very long command title that is over",
      description: "x",
    });
    expect(prepareManifest(JSON.stringify(tooMany), { botId: BOT_ID }).problems.join("\n")).toMatch(
      /11 commands[\s\S]*longer than 32/,
    );
    expect(prepareManifest(template, { botId: "not-a-guid" }).problems.join()).toMatch(/not a GUID/);
  });
});
