/**
 * Draws the Teams app icons with node alone: a white shield with a check mark, on the accent colour
 * for the 192×192 colour icon, and white on transparent for the 32×32 outline icon (Teams requires
 * the outline icon to be white and transparent only). `npm run teams:icons` writes them to teams/.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "../src/domain/png.js";

type Rgba = [number, number, number, number];

/** The manifest's accentColor, as the colour icon's background. */
export const ACCENT: Rgba = [0x1f, 0x4e, 0x79, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Encodes a square 8-bit RGBA image (a pixel function over x, y) as PNG. */
export function encodeRgbaPng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) pixels.set(pixel(x, y), (y * size + x) * 4);
  }
  return encodePng(size, size, pixels);
}

/** True inside a shield centred in a unit square (u, v in 0..1). */
function inShield(u: number, v: number): boolean {
  if (v < 0.12 || v > 0.9) return false;
  const halfWidth = v < 0.55 ? 0.34 : 0.34 * Math.sqrt(Math.max(0, (0.9 - v) / 0.35));
  return Math.abs(u - 0.5) <= halfWidth;
}

/** True on the check mark inside the shield. */
function onCheck(u: number, v: number, thickness: number): boolean {
  const near = (ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(
      0,
      Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) <= thickness;
  };
  return near(0.35, 0.5, 0.46, 0.62) || near(0.46, 0.62, 0.66, 0.38);
}

/** The 192×192 colour icon. */
export function colorIcon(): Buffer {
  const size = 192;
  return encodeRgbaPng(size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    if (!inShield(u, v)) return ACCENT;
    return onCheck(u, v, 0.045) ? ACCENT : WHITE;
  });
}

/** The 32×32 outline icon: white shield outline and check on transparent. */
export function outlineIcon(): Buffer {
  const size = 32;
  return encodeRgbaPng(size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    const edge =
      (inShield(u, v) && !inShield(u + 0.07, v)) ||
      (inShield(u, v) && !inShield(u - 0.07, v)) ||
      (inShield(u, v) && !inShield(u, v - 0.06)) ||
      (inShield(u, v) && !inShield(u, v + 0.06));
    return edge || (inShield(u, v) && onCheck(u, v, 0.05)) ? WHITE : CLEAR;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(fileURLToPath(new URL("..", import.meta.url)), "teams");
  writeFileSync(join(dir, "color.png"), colorIcon());
  writeFileSync(join(dir, "outline.png"), outlineIcon());
  process.stdout.write(`wrote ${join(dir, "color.png")} and ${join(dir, "outline.png")}\n`);
}
