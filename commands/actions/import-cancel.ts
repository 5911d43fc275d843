/** The Cancel button of an import preview. */
import { defineAction } from "../../src/app/command.js";
import { cancelPending } from "../import.js";

/** Discards the pending import the button names, if it is the presser's. */
export const importCancelAction = defineAction({
  id: "import.cancel",
  minRole: "lead",
  run: (ctx, value) => cancelPending(ctx, Number.parseInt(value, 10) || -1),
});
