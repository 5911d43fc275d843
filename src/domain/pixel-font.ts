/** A 3×5 pixel font for the few characters the progress chart prints (area ids and percentages). */

const GLYPHS: Record<string, string> = {
  "0": "111101101101111",
  "1": "010110010010111",
  "2": "111001111100111",
  "3": "111001111001111",
  "4": "101101111001001",
  "5": "111100111001111",
  "6": "111100111101111",
  "7": "111001001001001",
  "8": "111101111101111",
  "9": "111101111001111",
  "%": "101001010100101",
  S: "011100010001110",
  I: "111010010010111",
  N: "111101101101101",
  V: "101101101101010",
  R: "110101110101101",
  D: "110101101101110",
  Y: "101101010010010",
  G: "111100101101111",
  O: "111101101101111",
};

/** Glyph width and height in font pixels; one blank column separates glyphs. */
export const GLYPH_WIDTH = 3;
/** Glyph height in font pixels. */
export const GLYPH_HEIGHT = 5;

/** Calls `plot(x, y)` for every lit font pixel of `text` (unknown characters are blank). */
export function drawGlyphs(text: string, plot: (x: number, y: number) => void): void {
  [...text.toUpperCase()].forEach((ch, i) => {
    const bits = GLYPHS[ch];
    if (!bits) return;
    for (let p = 0; p < bits.length; p++) {
      if (bits[p] === "1") plot(i * (GLYPH_WIDTH + 1) + (p % GLYPH_WIDTH), Math.floor(p / GLYPH_WIDTH));
    }
  });
}
