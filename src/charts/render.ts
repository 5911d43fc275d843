/** Renders chart SVG to PNG with resvg and the bundled Noto Sans font: real text in any Latin, Greek or Cyrillic script. */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { FONT_FAMILY } from "./svg.js";

/** A rendered chart: the PNG, its size, and alt text stating the same numbers. */
export interface Chart {
  title: string;
  png: Buffer;
  width: number;
  height: number;
  alt: string;
}

let fontFiles: string[] | undefined;
let resvg: typeof import("@resvg/resvg-js") | undefined;

/** resvg's native renderer, loaded when the first chart is drawn rather than at start. */
function renderer(): typeof import("@resvg/resvg-js") {
  return (resvg ??= createRequire(import.meta.url)("@resvg/resvg-js") as typeof import("@resvg/resvg-js"));
}

/** The bundled font files (regular and bold), found once. */
function fonts(): string[] {
  if (!fontFiles) {
    const root = dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans/package.json"));
    fontFiles = [join(root, "400Regular", "NotoSans_400Regular.ttf"), join(root, "700Bold", "NotoSans_700Bold.ttf")];
  }
  return fontFiles;
}

/**
 * Renders an SVG document to PNG bytes at its own size, on libuv's thread pool so the event loop keeps
 * serving; system fonts are never read, so output is the same everywhere.
 */
export async function renderSvg(svg: string): Promise<{ png: Buffer; width: number; height: number }> {
  const image = await renderer().renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "original" },
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The chart as a data: URI, for cards that carry images inline. */
export function chartDataUri(chart: Chart): string {
  return `data:image/png;base64,${chart.png.toString("base64")}`;
}
