/** The Apply button of an import preview: the same as `import apply` for that preview, by its importer only. */
import { defineAction } from "../../src/app/command.js";
import { applyPending } from "../import.js";

/** Applies the pending import the button names, if it is the presser's and still pending. */
export const importApplyAction = defineAction({
  id: "import.apply",
  minRole: "lead",
  run: (ctx, value) => applyPending(ctx, Number.parseInt(value, 10) || -1),
});
