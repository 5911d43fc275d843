/** Prints results as Markdown tables, so a run's output can go straight into docs/performance.md. */

type Cell = string | number;

/** A number with a fixed count of decimals and thousands separators ("—" when not a number). */
export function num(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Milliseconds, with more decimals for small values. */
export function ms(value: number): string {
  return num(value, value < 10 ? 2 : value < 100 ? 1 : 0);
}

/** Bytes (or kilobytes with `kb`) as MB. */
export function mb(bytes: number, kb = false): string {
  return num((kb ? bytes * 1024 : bytes) / 1024 / 1024, 0);
}

/** "a ÷ b" as a ratio such as 3.2×. */
export function ratio(a: number, b: number): string {
  return b > 0 && Number.isFinite(a) ? `${num(a / b, a / b < 10 ? 2 : 1)}×` : "—";
}

/** Prints a heading and a Markdown table. */
export function table(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  const line = (cells: readonly Cell[]) => `| ${cells.map(String).join(" | ")} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(line(header.map(() => "---")));
  for (const row of rows) console.log(line(row));
}

/** Prints a progress note (stderr, so stdout holds only the report). */
export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** One of a benchmark's figures against its baseline, for the side-by-side table of the engines. */
export interface Headline {
  measure: string;
  /** The unit of figure and baseline, e.g. "ms" or "req/s". */
  unit: string;
  figure: number;
  baseline: number;
  /** A rate (higher is better): the ratio is baseline ÷ figure; otherwise figure ÷ baseline. */
  rate?: boolean;
}

/** Prints each headline with its figure, baseline and ratio per engine, the engines side by side. */
export function compareEngines(title: string, byEngine: readonly { engine: string; headlines: Headline[] }[]): void {
  const measures = [...new Set(byEngine.flatMap((e) => e.headlines.map((h) => `${h.measure} (${h.unit})`)))];
  table(
    title,
    ["Measure", ...byEngine.flatMap(({ engine }) => [`${engine}: bot`, `${engine}: baseline`, `${engine}: ratio`])],
    measures.map((measure) => [
      measure,
      ...byEngine.flatMap(({ headlines }) => {
        const h = headlines.find((x) => `${x.measure} (${x.unit})` === measure);
        if (!h) return ["—", "—", "—"];
        const value = (v: number) => (h.unit === "ms" ? ms(v) : num(v, v < 10 ? 2 : v < 100 ? 1 : 0));
        return [value(h.figure), value(h.baseline), h.rate ? ratio(h.baseline, h.figure) : ratio(h.figure, h.baseline)];
      }),
    ]),
  );
}
