/** `role @person admin | lead | analyst | none`: who may do what. */
import { defineCommand } from "../src/app/command.js";
import { announce } from "../src/core/reply.js";
import { DEFAULT_CONSOLE_USER } from "../src/core/admins.js";
import { parseRole } from "../src/domain/roles.js";
import { forbidden, usageError } from "../src/errors.js";

/** Sets a person's role; only admins grant or take away admin, and SECOPS_ADMINS stays admin. */
export const roleCommand = defineCommand({
  name: "role",
  summary: "Set a person's role: admin, lead, analyst or none",
  usage: "role @person admin|lead|analyst|none",
  minRole: "lead",
  async run(ctx, args) {
    const person = await ctx.person(args.required("the person (@name)"));
    const word = args.required("the role");
    const role = parseRole(word);
    if (!role) throw usageError(`"${word.slice(0, 40)}" is not a role; use admin, lead, analyst or none.`);
    args.end();
    if ((role === "admin" || person.role === "admin") && ctx.actor.role !== "admin")
      throw forbidden("Only an admin may grant or remove the admin role.");
    const listed =
      ctx.services.admins.includes(person.platformUserId) ||
      (!!person.email && ctx.services.admins.includes(person.email.toLowerCase()));
    const builtIn = ctx.incoming.conversation.platform === "console" && person.platformUserId === DEFAULT_CONSOLE_USER;
    if (listed && role !== "admin")
      throw usageError(
        builtIn
          ? `${person.displayName} is the console's built-in admin; start the console as someone else with CONSOLE_USER=<name>.`
          : `${person.displayName} is an admin through SECOPS_ADMINS; change that setting instead.`,
      );
    if (person.role === role) throw usageError(`${person.displayName} is already ${role}.`);
    const { services, workspace, now } = ctx;
    await services.storage.unitOfWork(async (tx) => {
      await tx.people.setRole(person.id, role);
      await tx.audit.record({
        workspace,
        entityType: "person",
        entityId: String(person.id),
        actorId: ctx.actor.id,
        actorName: ctx.actor.displayName,
        action: "role",
        oldValue: person.role,
        newValue: role,
        at: now,
      });
    });
    return announce(`${person.displayName} is now ${role} (was ${person.role}).`);
  },
});
