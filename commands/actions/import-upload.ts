/** The import form's submission (a Slack modal with a file): previewed like `import` with a file, by leads only. */
import { defineAction } from "../../src/app/command.js";
import { previewFiles } from "../import.js";

/** Previews the uploaded file; the role is checked again here, whoever opened the form. */
export const importUploadAction = defineAction({
  id: "import.upload",
  minRole: "lead",
  run: (ctx) => previewFiles(ctx, ctx.incoming.kind === "action" ? (ctx.incoming.files ?? []) : []),
});
