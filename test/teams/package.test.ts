import { PNG } from "pngjs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildTeamsPackage, PLACEHOLDER_ID, prepareManifest, TEAMS_DIR } from "../../scripts/teams-package.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const BOT_ID = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";

/** Width, height and RGBA pixels of a PNG, read by pngjs (not the renderer that wrote it). */
function decodePng(png: Uint8Array): { width: number; height: number; pixels: number[][] } {
  const image = PNG.sync.read(Buffer.from(png));
  const pixels: number[][] = [];
  for (let i = 0; i < image.data.length; i += 4) pixels.push([...image.data.subarray(i, i + 4)]);
  return { width: image.width, height: image.height, pixels };
}

describe("Teams app package", () => {
  it("zips the manifest with the bot id filled in, and both icons at the root", async () => {
    const { zip } = await buildTeamsPackage({ botId: BOT_ID });
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

  it("ships a 192×192 colour icon and a 32×32 outline icon that is only white or transparent", async () => {
    const files = unzipSync((await buildTeamsPackage({ botId: BOT_ID })).zip);
    const color = decodePng(files["color.png"] ?? new Uint8Array());
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(files["outline.png"] ?? new Uint8Array());
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 255)).toBe(true);
  });

  it("uses a placeholder without an app id, and refuses a manifest over Teams' limits", async () => {
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
