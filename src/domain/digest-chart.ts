/** The digest's progress chart: one bar per area, last week's level marked, drawn as a small PNG data URI. */
import type { AreaCount } from "./digest.js";
import { drawGlyphs } from "./pixel-font.js";
import { encodePng } from "./png.js";

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const TRACK: Rgb = [226, 232, 240];
const FILL: Rgb = [37, 99, 235];
const MARK: Rgb = [220, 38, 38];
const INK: Rgb = [30, 41, 59];

const SCALE = 2;
const ROW = 24;
const PAD = 8;
const LABEL = 32;
const BAR = 200;
const WIDTH = PAD + LABEL + PAD + BAR + PAD + 32 + PAD;

/** A canvas of RGB pixels with the two drawing operations the chart needs. */
class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }
  rect(x: number, y: number, w: number, h: number, colour: Rgb): void {
    for (let yy = Math.max(0, y); yy < Math.min(this.height, y + h); yy++) {
      for (let xx = Math.max(0, x); xx < Math.min(this.width, x + w); xx++)
        this.pixels.set(colour, (yy * this.width + xx) * 3);
    }
  }
  text(x: number, y: number, text: string, colour: Rgb): void {
    drawGlyphs(text, (gx, gy) => this.rect(x + gx * SCALE, y + gy * SCALE, SCALE, SCALE, colour));
  }
}

/** Draws the chart; the previous week's level is a red tick on each bar when known. */
export function progressChart(areas: readonly AreaCount[], previous?: readonly AreaCount[]): string {
  const canvas = new Canvas(WIDTH, PAD * 2 + areas.length * ROW);
  canvas.rect(0, 0, canvas.width, canvas.height, WHITE);
  areas.forEach((a, i) => {
    const y = PAD + i * ROW;
    const share = a.total === 0 ? 0 : a.done / a.total;
    const barX = PAD + LABEL + PAD;
    canvas.text(PAD, y + 5, a.id, INK);
    canvas.rect(barX, y + 2, BAR, ROW - 8, TRACK);
    canvas.rect(barX, y + 2, Math.round(BAR * share), ROW - 8, FILL);
    const before = previous?.find((p) => p.id === a.id);
    if (before && before.total > 0)
      canvas.rect(barX + Math.min(BAR - 2, Math.round((BAR * before.done) / before.total)), y, 2, ROW - 4, MARK);
    canvas.text(barX + BAR + PAD, y + 5, `${Math.round(share * 100)}%`, INK);
  });
  return `data:image/png;base64,${encodePng(canvas.width, canvas.height, canvas.pixels).toString("base64")}`;
}
