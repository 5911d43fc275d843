/** `oncall`, `oncall @person…`, `oncall clear`: who a honeypot touch pings in this workspace. */
import type { CommandContext } from "../src/app/command.js";
import { defineCommand } from "../src/app/command.js";
import { announce, type Reply, type Span } from "../src/core/reply.js";
import { onDuty } from "../src/domain/oncall.js";
import { byName, type Person } from "../src/domain/person.js";
import { hasRole, roleRequirement } from "../src/domain/roles.js";
import { forbidden } from "../src/errors.js";
import { names, recordNamed } from "./shared/named-people.js";

async function show(ctx: CommandContext): Promise<Reply> {
  const oncall = await ctx.services.oncall.people(ctx.workspace);
  if (oncall.length) return announce({ bold: "On call" }, `: ${names(oncall)}. A honeypot touch pings them.`);
  const fallback = onDuty([], await ctx.services.people.all(ctx.workspace));
  const who: Span[] = fallback.length
    ? [`nobody named, so a honeypot touch pings the leads and admins: ${names(fallback)}. `]
    : ["nobody named, and there is no lead or admin to ping; a honeypot touch pings nobody. "];
  return announce({ bold: "On call" }, ": ", ...who, "Name who is with ", { code: "oncall @person…" }, ".");
}

async function replace(ctx: CommandContext, people: readonly Person[]): Promise<void> {
  const before = names(await ctx.services.oncall.people(ctx.workspace));
  await ctx.services.storage.unitOfWork(async (tx) => {
    await tx.oncall.replace(
      ctx.workspace,
      people.map((p) => p.id),
      ctx.now,
    );
    await recordNamed(tx, ctx, { type: "oncall", id: ctx.workspace }, before, names(people));
  });
}

/** Shows the people on call; leads and admins name them (replacing the list) or clear it. */
export const oncallCommand = defineCommand({
  name: "oncall",
  summary: "Who a honeypot touch pings: show, name, or clear (back to the leads and admins)",
  usage: "oncall [@person… | clear]",
  minRole: "none",
  details: [
    "`oncall` shows who is on call; `oncall @dana @lee` names them (leads and admins only, replacing the list);",
    "`oncall clear` goes back to the default: the workspace's leads and admins.",
    "A honeypot touch mentions them in the incident's thread and sends each a direct message, at any hour.",
  ],
  async run(ctx, args): Promise<Reply> {
    const first = args.peek();
    if (first === undefined) return show(ctx);
    if (!hasRole(ctx.actor.role, "lead"))
      throw forbidden(`Naming who is on call needs ${roleRequirement("lead")}; your role is ${ctx.actor.role}.`);
    if (first.toLowerCase() === "clear") {
      args.next();
      args.end();
      await replace(ctx, []);
      return announce({ bold: "On call" }, ": cleared; a honeypot touch pings the leads and admins again.");
    }
    const people: Person[] = [];
    for (let token = args.next(); token !== undefined; token = args.next()) people.push(await ctx.person(token));
    const unique = [...new Map(people.map((p) => [p.id, p])).values()].sort(byName);
    await replace(ctx, unique);
    return announce({ bold: "On call" }, `: ${names(unique)}. A honeypot touch pings them from now on.`);
  },
});
