/**
 * Draws the Teams app icons as SVG and renders them with resvg: a white shield with a check mark on
 * the accent colour for the 192×192 colour icon, and white on transparent for the 32×32 outline icon
 * (Teams requires the outline icon to be white and transparent only). `npm run teams:icons` writes them to teams/.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderSvg } from "../src/charts/render.js";

/** The manifest's accentColor, as the colour icon's background. */
export const ACCENT = "#1f4e79";

const SHIELD = "M50 12 L84 22 L84 52 C84 72 68 84 50 90 C32 84 16 72 16 52 L16 22 Z";
const CHECK = "M35 50 L46 62 L66 38";

/** The 192×192 colour icon. */
export async function colorIcon(): Promise<Buffer> {
  const { png } = await renderSvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 100 100"><rect width="100" height="100" fill="${ACCENT}"/><path d="${SHIELD}" fill="#ffffff"/><path d="${CHECK}" fill="none" stroke="${ACCENT}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
  );
  return png;
}

/** The 32×32 outline icon: white shield outline and check on transparent, with crisp edges (no partial colours). */
export async function outlineIcon(): Promise<Buffer> {
  const { png } = await renderSvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 100 100" shape-rendering="crispEdges"><path d="${SHIELD}" fill="none" stroke="#ffffff" stroke-width="8"/><path d="${CHECK}" fill="none" stroke="#ffffff" stroke-width="9"/></svg>`,
  );
  return png;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(fileURLToPath(new URL("..", import.meta.url)), "teams");
  writeFileSync(join(dir, "color.png"), await colorIcon());
  writeFileSync(join(dir, "outline.png"), await outlineIcon());
  process.stdout.write(`wrote ${join(dir, "color.png")} and ${join(dir, "outline.png")}\n`);
}
