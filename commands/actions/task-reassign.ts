/** The Reassign button: opens the assign form for that task. */
import { defineAction } from "../../src/app/command.js";
import { textReply } from "../../src/core/reply.js";
import { findTask } from "../shared/task-access.js";
import { assignForm } from "../shared/task-forms.js";

/** Leads get the form; where the platform has no forms, the command to type. */
export const taskReassignAction = defineAction({
  id: "task.reassign",
  minRole: "lead",
  async run(ctx, value) {
    const task = await findTask(ctx, value);
    if (!ctx.incoming.capabilities.forms)
      return textReply("Reassign with ", { code: `assign ${task.id} @person [due <date>]` });
    return assignForm(ctx, task.id);
  },
});
