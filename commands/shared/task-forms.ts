/** Forms (modals or input cards) for assigning and adding tasks. */
import type { CommandContext } from "../../src/app/command.js";
import type { Reply } from "../../src/core/reply.js";

/** The assign form: task, owner, due date. Submitted as action `task.assign`. */
export async function assignForm(ctx: CommandContext, taskId?: string): Promise<Reply> {
  const options = (await ctx.services.tasks.all(ctx.workspace))
    .filter((t) => t.status !== "done")
    .slice(0, 100)
    .map((t) => ({ value: t.id, label: `${t.id} ${t.title}`.slice(0, 75) }));
  return {
    kind: "form",
    visibility: "requester",
    fallback: ["Usage: ", { code: "assign <task> @person [due <date>]" }],
    form: {
      actionId: "task.assign",
      title: "Assign a task",
      submitLabel: "Assign",
      value: taskId ?? "",
      fields: [
        { id: "task", label: "Task", kind: "choice", options, ...(taskId ? { initial: taskId } : {}) },
        { id: "owner", label: "Owner", kind: "person" },
        { id: "due", label: "Due date", kind: "date", optional: true },
      ],
    },
  };
}

/** The add-task form: area, title, owner, due. Submitted as action `task.add`. */
export function addForm(ctx: CommandContext): Reply {
  return {
    kind: "form",
    visibility: "requester",
    fallback: ["Usage: ", { code: 'add <area> "<title>" [@owner] [due <date>]' }],
    form: {
      actionId: "task.add",
      title: "Add a task",
      submitLabel: "Add",
      value: "",
      fields: [
        {
          id: "area",
          label: "Area",
          kind: "choice",
          options: ctx.services.plan.areas.map((a) => ({ value: a.id, label: `${a.id} ${a.name}` })),
        },
        { id: "title", label: "Title", kind: "text" },
        { id: "owner", label: "Owner", kind: "person", optional: true },
        { id: "due", label: "Due date", kind: "date", optional: true },
      ],
    },
  };
}
