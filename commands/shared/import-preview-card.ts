/** The card `import` answers with: counts, the first rows of each kind, and Apply / Cancel. */
import type { Block, Card, ListItem } from "../../src/core/reply.js";
import type { ImportChange, ImportPreview } from "../../src/imports/preview.js";

const FIRST_ROWS = 5;

function rows<T>(items: readonly T[], item: (x: T) => ListItem, empty: string): Block {
  return {
    type: "list",
    items: items.slice(0, FIRST_ROWS).map(item),
    empty,
    more: Math.max(0, items.length - FIRST_ROWS),
  };
}

const changeItem = (c: ImportChange): ListItem => ({
  label: `Row ${c.row}: ${c.taskId || "new"} ${c.title}`,
  detail: c.summary.join("; ") || "new task",
});

/** Shows what `import apply` would do; the Apply button only when nothing was rejected and something changes. */
export function importPreviewCard(fileName: string, preview: ImportPreview, pendingId: number | undefined): Card {
  const blocks: Block[] = [
    {
      type: "facts",
      facts: [
        { label: "Added", value: String(preview.added.length) },
        { label: "Changed", value: String(preview.changed.length) },
        { label: "Unchanged", value: String(preview.unchanged.length) },
        { label: "Rejected", value: String(preview.rejected.length) },
      ],
    },
  ];
  if (preview.added.length)
    blocks.push({ type: "text", spans: [{ bold: "Added" }] }, rows(preview.added, changeItem, ""));
  if (preview.changed.length)
    blocks.push({ type: "text", spans: [{ bold: "Changed" }] }, rows(preview.changed, changeItem, ""));
  if (preview.rejected.length)
    blocks.push(
      { type: "text", spans: [{ bold: "Rejected" }] },
      rows(preview.rejected, (r) => ({ label: `Row ${r.row}: ${r.taskId}`, detail: r.reason }), ""),
      { type: "context", spans: ["Nothing is applied while rows are rejected: fix them and import the file again."] },
    );
  else if (pendingId !== undefined)
    blocks.push(
      { type: "context", spans: ["Nothing is applied until ", { code: "import apply" }, " or Apply."] },
      {
        type: "actions",
        actions: [
          { kind: "button", actionId: "import.apply", label: "Apply", value: String(pendingId), style: "primary" },
          { kind: "button", actionId: "import.cancel", label: "Cancel", value: String(pendingId) },
        ],
      },
    );
  else blocks.push({ type: "context", spans: ["The file changes nothing."] });
  return { title: "Import preview", subtitle: fileName, blocks };
}
