/** `arealead`, `arealead <area> @person…`, `arealead <area> clear`: who leads each plan area (told when its work is blocked). */
import type { CommandContext } from "../src/app/command.js";
import { defineCommand } from "../src/app/command.js";
import { announce, cardReply, type Reply } from "../src/core/reply.js";
import { byName, type Person } from "../src/domain/person.js";
import { parseAreaId } from "../src/domain/plan.js";
import { hasRole, roleRequirement } from "../src/domain/roles.js";
import { forbidden, usageError } from "../src/errors.js";
import { blockRecipients } from "../src/notifications/task-notices.js";
import { names, recordNamed } from "./shared/named-people.js";

async function list(ctx: CommandContext): Promise<Reply> {
  const named = await ctx.services.areaLeads.all(ctx.workspace);
  const fallback = names(blockRecipients(await ctx.services.people.all(ctx.workspace)));
  return cardReply({
    title: "Area leads",
    subtitle: "Told when a task of their area is blocked",
    blocks: [
      {
        type: "list",
        items: ctx.services.plan.areas.map((a) => {
          const leads = named.filter((n) => n.area === a.id).map((n) => n.person);
          return {
            label: `${a.id} ${a.name}`,
            detail: leads.length ? names(leads) : `none named (the leads: ${fallback || "nobody"})`,
          };
        }),
      },
      { type: "context", spans: ["Name them with ", { code: "arealead <area> @person…" }] },
    ],
  });
}

async function replace(ctx: CommandContext, area: string, people: readonly Person[]): Promise<void> {
  const before = names(await ctx.services.areaLeads.ofArea(ctx.workspace, area));
  await ctx.services.storage.unitOfWork(async (tx) => {
    await tx.areaLeads.replace(
      ctx.workspace,
      area,
      people.map((p) => p.id),
      ctx.actor.id,
      ctx.now,
    );
    await recordNamed(tx, ctx, { type: "area-lead", id: area }, before, names(people));
  });
}

/** Lists every area's leads; leads and admins name an area's leads (replacing them) or clear them. */
export const arealeadCommand = defineCommand({
  name: "arealead",
  summary: "Who leads a plan area: told when its work is blocked",
  usage: "arealead [<area> @person… | <area> clear]",
  minRole: "none",
  details: [
    "`arealead` lists each area's leads; `arealead S2 @dana @lee` names them (leads and admins only, replacing them);",
    "`arealead S2 clear` goes back to the default: a block in S2 tells the workspace's leads (or its admins when it has no lead).",
  ],
  async run(ctx, args): Promise<Reply> {
    const word = args.next();
    if (word === undefined) return list(ctx);
    const area = parseAreaId(ctx.services.plan, word);
    if (!area)
      throw usageError(
        `"${word.slice(0, 40)}" is not an area; use ${ctx.services.plan.areas.map((a) => a.id).join(", ")}.`,
      );
    if (!hasRole(ctx.actor.role, "lead"))
      throw forbidden(`Naming an area's leads needs ${roleRequirement("lead")}; your role is ${ctx.actor.role}.`);
    if (args.peek()?.toLowerCase() === "clear") {
      args.next();
      args.end();
      await replace(ctx, area, []);
      return announce({ bold: area }, ": no area lead now; a block there tells the leads.");
    }
    const people: Person[] = [];
    for (let token = args.next(); token !== undefined; token = args.next()) people.push(await ctx.person(token));
    if (people.length === 0) throw usageError(`Name the people who lead ${area}, or \`arealead ${area} clear\`.`);
    const unique = [...new Map(people.map((p) => [p.id, p])).values()].sort(byName);
    await replace(ctx, area, unique);
    return announce({ bold: area }, `: led by ${names(unique)}; they are told when its work is blocked.`);
  },
});
