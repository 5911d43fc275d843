/** Small SVG building blocks for the charts: every piece of text is escaped, so task and area names stay inert. */

/** The bundled font's family name (Noto Sans, SIL Open Font Licence). */
export const FONT_FAMILY = "Noto Sans";

/** Colours shared by every chart, chosen to stay distinguishable for common colour-vision deficiencies. */
export const COLOURS = {
  ink: "#1e293b",
  muted: "#64748b",
  grid: "#e2e8f0",
  track: "#f1f5f9",
  done: "#2563eb",
  inProgress: "#f59e0b",
  blocked: "#dc2626",
  notStarted: "#cbd5e1",
  skipped: "#a78bfa",
  mark: "#111827",
} as const;

/** Escapes text for an SVG text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

/** Shortens text to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A text element; `anchor` is start, middle or end. */
export function svgText(
  x: number,
  y: number,
  text: string,
  o: { size?: number; weight?: 400 | 700; fill?: string; anchor?: "start" | "middle" | "end" } = {},
): string {
  return `<text x="${x}" y="${y}" font-size="${o.size ?? 13}" font-weight="${o.weight ?? 400}" fill="${o.fill ?? COLOURS.ink}" text-anchor="${o.anchor ?? "start"}">${escapeXml(text)}</text>`;
}

/** A filled rectangle (nothing for a zero or negative width). */
export function svgRect(x: number, y: number, w: number, h: number, fill: string): string {
  return w > 0 && h > 0
    ? `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"/>`
    : "";
}

/** A legend: coloured squares with labels in a row from (x, y). */
export function svgLegend(x: number, y: number, entries: readonly { label: string; colour: string }[]): string {
  let at = x;
  return entries
    .map((e) => {
      const part =
        svgRect(at, y - 10, 12, 12, e.colour) + svgText(at + 16, y, e.label, { size: 12, fill: COLOURS.muted });
      at += 28 + e.label.length * 7;
      return part;
    })
    .join("");
}

/** The document around the parts, with a white background and the bundled font. */
export function svgDocument(width: number, height: number, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`;
}
