/** `roles`: everyone with a role in this workspace. */
import { defineCommand } from "../src/app/command.js";
import { cardReply } from "../src/core/reply.js";
import { ROLES } from "../src/domain/roles.js";

/** Lists people by role, most powerful first. */
export const rolesCommand = defineCommand({
  name: "roles",
  summary: "List who is admin, lead and analyst",
  usage: "roles",
  minRole: "analyst",
  async run(ctx, args) {
    args.end();
    const people = (await ctx.services.people.all(ctx.workspace)).filter((p) => p.role !== "none");
    const order = [...ROLES].reverse();
    people.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
    return cardReply({
      title: "Roles",
      blocks: [
        {
          type: "list",
          items: people.map((p) => ({ label: p.displayName, detail: p.role })),
          empty: "Nobody has a role yet.",
        },
      ],
    });
  },
});
