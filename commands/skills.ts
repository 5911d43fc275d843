/** `skills`, `skills set <skill> <level>…`, `skills require <role> <skill> <level>…`: self-ratings and role needs. */
import { defineCommand, type CommandContext } from "../src/app/command.js";
import type { Args } from "../src/core/args.js";
import { announce, cardReply, textReply, type Reply } from "../src/core/reply.js";
import { hasRole } from "../src/domain/roles.js";
import { forbidden, usageError } from "../src/errors.js";
import { gapsFor } from "../src/training/suggestions.js";
import { levelsText, readLevels } from "./shared/skill-levels.js";
import { skillsCard } from "./shared/skills-card.js";

const TEAM_ROLES = ["analyst", "lead", "admin"];

async function show(ctx: CommandContext, token?: string): Promise<Reply> {
  const { services, now } = ctx;
  const person = token === undefined ? ctx.actor : await ctx.person(token);
  if (person.id !== ctx.actor.id && !hasRole(ctx.actor.role, "lead"))
    throw forbidden("Only a lead or an admin may see someone else's skills.");
  if (person.role === "none")
    throw usageError(`${person.displayName} is not on the team (role none); \`role @name analyst\` adds them.`);
  const ratings = await services.skills.ratings(ctx.workspace, person.id);
  const needs = await services.skills.requirements(ctx.workspace, person.role);
  const gaps = await gapsFor(services, person, now);
  return cardReply(skillsCard(services.catalog, person, ratings, needs, gaps, person.id === ctx.actor.id));
}

async function set(ctx: CommandContext, args: Args): Promise<Reply> {
  const levels = readLevels(ctx, args);
  await ctx.services.skills.setRatings(ctx.workspace, ctx.actor.id, levels, ctx.now);
  return textReply(`Saved your self-rating: ${levelsText(levels)}. `, { code: "skills" }, " shows them all.");
}

async function setRequirement(ctx: CommandContext, args: Args): Promise<Reply> {
  if (!hasRole(ctx.actor.role, "lead")) throw forbidden("Setting what a role needs is for a lead or an admin.");
  const role = args.required("the role (analyst, lead or admin)").toLowerCase();
  if (!TEAM_ROLES.includes(role))
    throw usageError(`"${role.slice(0, 40)}" is not a team role; use ${TEAM_ROLES.join(", ")}.`);
  const levels = readLevels(ctx, args);
  const { services, workspace, now, actor } = ctx;
  await services.storage.unitOfWork(async (tx) => {
    await tx.skills.setRequirements(workspace, role, levels, actor.id, now);
    await tx.audit.record({
      workspace,
      entityType: "skill-requirement",
      entityId: role,
      actorId: actor.id,
      actorName: actor.displayName,
      action: "require",
      newValue: levelsText(levels),
      at: now,
    });
  });
  return announce(`The ${role} role now needs: ${levelsText(levels)} (0 removes a need).`);
}

/** Shows or sets the actor's skill ratings; leads set what a role needs. */
export const skillsCommand = defineCommand({
  name: "skills",
  summary: "Show or rate your skills (0–5); leads see anyone's and set what a role needs",
  usage: "skills [@person] | skills set <skill> <level>… | skills require <role> <skill> <level>…",
  minRole: "analyst",
  details: [
    "`skills` lists every skill area with its id.",
    "Levels: 0 none, 1 aware, 2 guided, 3 on my own, 4 strong, 5 could teach it.",
  ],
  run(ctx, args) {
    const word = args.next();
    if (word === undefined) return show(ctx);
    if (word.startsWith("@")) {
      args.end();
      return show(ctx, word);
    }
    const sub = word.toLowerCase();
    if (sub === "set") return set(ctx, args);
    if (sub === "require") return setRequirement(ctx, args);
    throw usageError(`"${sub.slice(0, 40)}" is not a skills subcommand; use set or require.`);
  },
});
