/** Submission of the add-task form: replays it as the `add` command so both share one set of rules. */
import { Args } from "../../src/core/args.js";
import { defineAction } from "../../src/app/command.js";
import { addCommand } from "../add.js";

/** Builds the `add` arguments from the form's fields and runs the command. */
export const taskAddAction = defineAction({
  id: "task.add",
  minRole: "lead",
  run(ctx, _value, inputs) {
    const words = [inputs.area ?? "", inputs.title ?? ""];
    if (inputs.owner) words.push(inputs.owner);
    if (inputs.due) words.push("due", inputs.due);
    return addCommand.run(
      { ...ctx, incoming: { ...ctx.incoming, capabilities: { ...ctx.incoming.capabilities, forms: false } } },
      new Args(words),
    );
  },
});
