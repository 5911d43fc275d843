import { PNG } from "pngjs";
import { afterEach, describe, expect, it } from "vitest";
import { burnupChart } from "../../src/charts/burnup-chart.js";
import { incidentsChart } from "../../src/charts/incidents-chart.js";
import { progressChart } from "../../src/charts/progress-chart.js";
import type { Chart } from "../../src/charts/render.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

/** Decodes with pngjs (not the renderer) and returns the pixel at (x, y) as "r,g,b". */
function decode(chart: Chart): { width: number; height: number; pixel(x: number, y: number): string } {
  const image = PNG.sync.read(chart.png);
  expect([image.width, image.height]).toEqual([chart.width, chart.height]);
  return {
    width: image.width,
    height: image.height,
    pixel: (x, y) => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)].join(),
  };
}

const AREAS = [
  { id: "S1", name: "Stage 1", done: 4, inProgress: 2, blocked: 1, skipped: 0, notStarted: 1 },
  { id: "S2", name: "Étape 2 — Защита <b>", done: 0, inProgress: 0, blocked: 0, skipped: 0, notStarted: 8 },
];

describe("charts", () => {
  it("draws stage progress as a PNG of the expected size, bars in proportion, numbers in the alt text", async () => {
    const chart = await progressChart(AREAS, new Map([["S1", 2]]));
    const png = decode(chart);
    expect([png.width, png.height]).toEqual([720, 64 + 2 * 30 + 16]);
    expect(png.pixel(230 + 10, 64 + 15)).toBe("37,99,235");
    expect(png.pixel(230 + 200, 64 + 15)).toBe("245,158,11");
    expect(png.pixel(230 + 10, 94 + 15)).toBe("203,213,225");
    expect(chart.alt).toBe(
      "Stage progress. S1 Stage 1: 4 of 8 done (50%), 2 in progress, 1 blocked, 0 skipped, 1 not started; S2 Étape 2 — Защита <b>: 0 of 8 done (0%), 0 in progress, 0 blocked, 0 skipped, 8 not started.",
    );
  });

  it("draws skipped tasks as their own series and leaves them out of the share done", async () => {
    const chart = await progressChart([
      { id: "S3", name: "Stage 3", done: 2, inProgress: 0, blocked: 0, skipped: 4, notStarted: 2 },
    ]);
    const png = decode(chart);
    expect(png.pixel(230 + 10, 64 + 15)).toBe("37,99,235");
    expect(png.pixel(230 + 170, 64 + 15)).toBe("167,139,250");
    expect(png.pixel(230 + 330, 64 + 15)).toBe("203,213,225");
    expect(chart.alt).toBe(
      "Stage progress. S3 Stage 3: 2 of 4 done (50%), 0 in progress, 0 blocked, 4 skipped, 2 not started.",
    );
  });

  it("draws the 12-week burn-up and the incidents chart with every week in the alt text", async () => {
    const weeks = Array.from({ length: 12 }, (_, i) => ({
      weekStart: `2026-09-${String(i + 10).padStart(2, "0")}`,
      completed: i * 2,
      scope: 40,
    }));
    const burnup = await burnupChart(weeks);
    expect([decode(burnup).width, decode(burnup).height]).toEqual([720, 340]);
    expect(burnup.alt).toContain("week of 2026-09-21: 22 of 40 done.");
    const incidents = await incidentsChart(
      weeks.map((w, i) => ({
        weekStart: w.weekStart,
        bySeverity: { high: i % 3, medium: 2, low: 1 },
        resolved: 2,
        ...(i > 0 ? { mttaMinutes: 30 * i, mttrMinutes: 240 + 60 * i } : {}),
        honeypotTouches: 0,
      })),
    );
    expect([decode(incidents).width, decode(incidents).height]).toEqual([720, 360]);
    expect(incidents.alt).toContain("week of 2026-09-10: 3 new (0 high, 2 medium, 1 low, 0 informational), MTTA none");
    expect(incidents.alt).toContain(
      "week of 2026-09-12: 5 new (2 high, 2 medium, 1 low, 0 informational), MTTA 1.0 h, MTTR 6.0 h",
    );
  });

  it("renders text with the bundled font: hostile names are drawn as text, never parsed", async () => {
    const evil = [{ ...AREAS[0]!, name: '"/><image href="file:///etc/passwd"/><text>' }];
    const png = decode(await progressChart(evil));
    expect(png.height).toBe(64 + 30 + 16);
  });
});

describe("chart command", () => {
  let t: TestBot;
  afterEach(() => t.close());

  it("shows a chart from live data with its numbers as text", async () => {
    t = await createTestBot({
      now: "2026-11-28T10:00:00Z",
      capabilities: { ephemeral: false, forms: false, threads: true, updateInPlace: true, images: true },
    });
    await t.run("done S1-1");
    await t.run("start S1-2");
    await t.run("skip S1-3 no Defender for Office 365 licences");
    const reply = await t.run("chart progress");
    expect(t.text(reply)).toContain(
      "S1 Stage 1: 1 of 7 done (14%), 1 in progress, 0 blocked, 1 skipped, 5 not started",
    );
    expect(JSON.stringify(reply)).toContain("data:image/png;base64,");
    expect(t.text(await t.run("chart burnup"))).toContain("1 of 41 done.");
    expect(t.text(await t.run("chart incidents"))).toMatch(/Incidents per week by severity over 12 weeks/);
    expect(t.text(await t.run("chart pie"))).toMatch(/"pie" is not a chart/);
  });
});
