import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { progressChart } from "../../src/domain/digest-chart.js";
import { encodePng } from "../../src/domain/png.js";

/** Reads a PNG back: checks signature and every chunk's CRC, returns size and RGB pixels. */
function decode(png: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)) >>> 0);
    types.push(type);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 2]);
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  expect(types).toEqual(["IHDR", "IDAT", "IEND"]);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3 + 1;
  return { width, height, pixel: (x, y) => [...raw.subarray(y * stride + 1 + x * 3, y * stride + 1 + x * 3 + 3)] };
}

describe("PNG encoder", () => {
  it("writes a PNG any decoder can read back pixel for pixel", () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    const png = decode(encodePng(2, 2, rgb));
    expect([png.width, png.height]).toEqual([2, 2]);
    expect([png.pixel(0, 0), png.pixel(1, 0), png.pixel(0, 1), png.pixel(1, 1)]).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [10, 20, 30],
    ]);
  });
});

describe("progress chart", () => {
  it("draws one bar per area, filled in proportion to done, small enough for a card", () => {
    const uri = progressChart([
      { id: "S1", done: 4, total: 8 },
      { id: "S2", done: 0, total: 8 },
      { id: "GOV", done: 6, total: 6 },
    ]);
    expect(uri.startsWith("data:image/png;base64,")).toBe(true);
    const bytes = Buffer.from(uri.slice("data:image/png;base64,".length), "base64");
    expect(bytes.length).toBeLessThan(4096);
    const png = decode(bytes);
    expect(png.height).toBe(8 * 2 + 3 * 24);
    const row = (i: number) => 8 + i * 24 + 10;
    const filled = (i: number) =>
      Array.from({ length: png.width }, (_, x) => png.pixel(x, row(i))).filter((p) => p.join() === "37,99,235").length;
    expect([filled(0), filled(1), filled(2)]).toEqual([100, 0, 200]);
  });

  it("marks last week's level on the bar", () => {
    const uri = progressChart([{ id: "S1", done: 4, total: 8 }], [{ id: "S1", done: 2, total: 8 }]);
    const png = decode(Buffer.from(uri.split(",")[1] ?? "", "base64"));
    const barStart = 8 + 32 + 8;
    expect(png.pixel(barStart + 50, 8 + 10)).toEqual([220, 38, 38]);
  });
});
