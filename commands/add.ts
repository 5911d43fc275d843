/** `add S2 "<title>" [@owner] [due <date>]`: a team's own task beside the plan's. */
import { defineCommand } from "../src/app/command.js";
import { cardReply, type Reply } from "../src/core/reply.js";
import { parseAreaId } from "../src/domain/plan.js";
import { usageError } from "../src/errors.js";
import { changeTask } from "../src/tasks/change-task.js";
import { optionalDue } from "./shared/due-words.js";
import { addForm } from "./shared/task-forms.js";
import { taskCard } from "./shared/task-views.js";
import { today } from "./shared/today.js";

/** Adds a custom task to an area, numbered after the area's last task. */
export const addCommand = defineCommand({
  name: "add",
  summary: "Add your team's own task to an area",
  usage: 'add <area> "<title>" [@owner] [due <date>]',
  minRole: "lead",
  details: ["Areas: S1, S2, S3, S4, INV (inventory), RDY (ready checklist), GOV (govern and manage)."],
  async run(ctx, args): Promise<Reply> {
    if (args.done() && ctx.incoming.capabilities.forms) return addForm(ctx);
    const areaWord = args.required("the area (S1…S4, INV, RDY, GOV)");
    const area = parseAreaId(ctx.services.plan, areaWord);
    if (!area) throw usageError(`"${areaWord.slice(0, 40)}" is not an area; use S1, S2, S3, S4, INV, RDY or GOV.`);
    const words: string[] = [];
    while (!args.done() && !/^(@|due$|by$)/i.test(args.peek() ?? "")) words.push(args.required("the title"));
    const title = words.join(" ").trim();
    if (!title) throw usageError('Missing the title (in "quotes", or up to the @owner or due).');
    if (title.length < 3 || title.length > 120) throw usageError("A title has 3 to 120 characters.");
    const ownerWord = args.peek()?.startsWith("@") ? args.next() : undefined;
    const owner = ownerWord ? await ctx.person(ownerWord) : undefined;
    const due = optionalDue(ctx, args)?.date;
    const { services, workspace, now } = ctx;
    const id = await services.storage.unitOfWork(async (tx) => {
      const newId = await tx.tasks.addCustom(workspace, area, "Team tasks", title, now);
      await tx.audit.record({
        workspace,
        entityType: "task",
        entityId: newId,
        actorId: ctx.actor.id,
        actorName: ctx.actor.displayName,
        action: "added",
        newValue: title,
        at: now,
      });
      return newId;
    });
    let task = await services.tasks.get(workspace, id);
    if (!task) throw new Error(`task ${id} was not stored`);
    if (owner || due) {
      task = await changeTask(
        ctx,
        task,
        { ...(owner ? { ownerId: owner.id } : {}), ...(due ? { dueDate: due } : {}) },
        {
          action: "assigned",
          oldValue: null,
          newValue: [owner?.displayName, due ? `due ${due}` : undefined].filter(Boolean).join(", "),
        },
      );
    }
    return cardReply(taskCard(task, today(ctx)), "conversation");
  },
});
