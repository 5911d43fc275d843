/** `stakeholders`: the guidance's five stakeholder roles, their accountability and who the team named. */
import { defineCommand } from "../src/app/command.js";
import { cardReply, type Reply } from "../src/core/reply.js";
import { stakeholderFacts } from "./shared/plan-views.js";

/** Lists the roles with names; readable by anyone. */
export const stakeholdersCommand = defineCommand({
  name: "stakeholders",
  summary: "The stakeholder roles and who is on each",
  usage: "stakeholders",
  minRole: "none",
  async run(ctx, args): Promise<Reply> {
    args.end();
    const named = await ctx.services.stakeholders.all(ctx.workspace);
    return cardReply({
      title: "Stakeholders",
      subtitle: "Program leaders and technical owners, and their accountability",
      blocks: [
        stakeholderFacts(ctx.services.guidance, named),
        { type: "context", spans: ["Name them with ", { code: "stakeholder <role> @person…" }] },
      ],
    });
  },
});
