/** `import` (with a workbook or CSV), `import apply`, `import cancel`: the team's own list, previewed before anything changes. */
import { defineCommand, type CommandContext } from "../src/app/command.js";
import { announce, cardReply, textReply, type Reply } from "../src/core/reply.js";
import { usageError } from "../src/errors.js";
import type { IncomingFile } from "../src/core/incoming.js";
import { columnsOf, previewImport, REQUIRED_COLUMNS } from "../src/imports/preview.js";
import { readTable } from "../src/imports/read-table.js";
import { applyImport } from "./shared/import-apply.js";
import { importPreviewCard } from "./shared/import-preview-card.js";
import { today } from "./shared/today.js";

/** Applies the actor's pending import (the latest, or the one `id` names); shared with the Apply button. */
export async function applyPending(ctx: CommandContext, id?: number): Promise<Reply> {
  const pending = await ctx.services.imports.pending(ctx.workspace, ctx.actor.id, id);
  // Marking it applied and applying it commit together: a failed apply leaves the import pending.
  const applied =
    pending &&
    (await ctx.services.storage.unitOfWork(async (tx) =>
      (await tx.imports.finish(pending.id, "applied")) ? applyImport(ctx, pending) : undefined,
    ));
  if (!pending || !applied)
    return textReply(
      "There is no import of yours waiting: send a workbook or CSV with ",
      { code: "import" },
      " first.",
    );
  const { added, changed } = applied;
  return announce(
    `Imported ${pending.fileName}: ${added} tasks added, ${changed} changed, recorded as made by ${ctx.actor.displayName}.`,
  );
}

/** Discards the actor's pending import. */
export async function cancelPending(ctx: CommandContext, id?: number): Promise<Reply> {
  const pending = await ctx.services.imports.pending(ctx.workspace, ctx.actor.id, id);
  if (pending) await ctx.services.imports.finish(pending.id, "discarded");
  return textReply(
    pending ? `Import of ${pending.fileName} cancelled; nothing changed.` : "There is no import of yours waiting.",
  );
}

/** The import form where the platform takes a file in a form (a Slack modal); it comes back as `import.upload`. */
export const IMPORT_FORM = {
  actionId: "import.upload",
  title: "Import tasks",
  submitLabel: "Preview",
  value: "",
  fields: [{ id: "file", label: "Workbook (.xlsx) or CSV", kind: "file" as const }],
};

/** Reads one shared file, stores the preview and shows it; applies nothing. */
export async function previewFiles(ctx: CommandContext, files: readonly IncomingFile[]): Promise<Reply> {
  const file = files[0];
  if (!file) throw usageError("Send a workbook (.xlsx) or CSV file with the command.");
  if (files.length > 1) throw usageError("Send one file at a time.");
  const table = await readTable(file);
  const name = file.name.slice(0, 100);
  if (!table.ok)
    return textReply(`${name} was refused; nothing changed:\n` + table.problems.map((p) => `• ${p}`).join("\n"));
  const { missing } = columnsOf(table.rows[0] ?? []);
  if (missing.length)
    return textReply(
      `${name} was refused; nothing changed:\n• Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. Use the columns of ${"`export workbook`"}.`,
    );
  const preview = await previewImport(ctx.services, ctx.workspace, table.rows, today(ctx));
  const applicable = preview.rejected.length === 0 && preview.added.length + preview.changed.length > 0;
  const id = applicable
    ? await ctx.services.imports.create(
        ctx.workspace,
        ctx.actor.id,
        name,
        [...preview.added, ...preview.changed],
        ctx.now,
      )
    : undefined;
  return cardReply(importPreviewCard(name, preview, id));
}

/** `import`: a file shared with it is previewed; with none, a form that takes one where the platform has it. */
export const importCommand = defineCommand({
  name: "import",
  summary: "Import the team's tasks, owners, due dates and statuses from a workbook or CSV (previewed first)",
  usage:
    "import [apply | cancel]  (with a .xlsx or .csv file; in Slack a form takes it; in the console: import <path>)",
  minRole: "lead",
  details: [
    `The file has the exported workbook's columns; at least ${REQUIRED_COLUMNS.join(", ")}.`,
    "Rows with an empty Task ID and a Stage add the team's own task.",
    "Refused: files over 10 MB, anything but .xlsx or CSV, formulas, unknown task ids or people, dates in the past.",
  ],
  async run(ctx, args): Promise<Reply> {
    const files = ctx.incoming.kind === "command" ? (ctx.incoming.files ?? []) : [];
    const word = files.length ? undefined : args.next()?.toLowerCase();
    if (word === "apply" || word === "cancel") {
      args.end();
      return word === "apply" ? applyPending(ctx) : cancelPending(ctx);
    }
    if (files.length === 0 && word === undefined && ctx.incoming.capabilities.fileInput) {
      return {
        kind: "form",
        form: IMPORT_FORM,
        fallback: ["Share the workbook (.xlsx) or CSV in a channel with a mention of the bot and the word import."],
        visibility: "requester",
      };
    }
    return previewFiles(ctx, files);
  },
});
