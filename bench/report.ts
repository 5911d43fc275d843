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
