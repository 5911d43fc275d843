/** `stakeholder <role> @person…`: names the people on one of the guidance's five stakeholder roles. */
import { defineCommand } from "../src/app/command.js";
import { announce, type Reply } from "../src/core/reply.js";
import { findStakeholderRole } from "../src/domain/guidance.js";
import { usageError } from "../src/errors.js";
import { recordNamed } from "./shared/named-people.js";

/** Replaces the people on a role (no one after the role clears it); recorded in the audit history. */
export const stakeholderCommand = defineCommand({
  name: "stakeholder",
  summary: "Name the people on a stakeholder role",
  usage: "stakeholder <sponsor|program-lead|architect|secops-lead|it-lead> @person…",
  minRole: "lead",
  details: [
    "sponsor: CISO, CIO, or Director of Data Security; program-lead: Program lead from Data Security;",
    "architect: Security Architect; secops-lead: SecOps lead; it-lead: Security for IT lead.",
    "Stakeholders show in `plan` and `stakeholders`, and receive the monthly report (`subscribe report monthly`).",
  ],
  async run(ctx, args): Promise<Reply> {
    const { guidance } = ctx.services;
    const word = args.required("the role");
    const role = findStakeholderRole(guidance, word);
    if (!role) throw usageError(`Unknown role "${word}": use ${guidance.stakeholders.map((r) => r.id).join(", ")}.`);
    const people = [];
    for (let token = args.next(); token !== undefined; token = args.next()) people.push(await ctx.person(token));
    const unique = [...new Map(people.map((p) => [p.id, p])).values()];
    const after = unique.map((p) => p.displayName);
    await ctx.services.storage.unitOfWork(async (tx) => {
      const before = (await tx.stakeholders.all(ctx.workspace)).filter((s) => s.role === role.id).map((s) => s.name);
      await tx.stakeholders.replace(
        ctx.workspace,
        role.id,
        unique.map((p) => p.id),
        ctx.actor.id,
        ctx.now,
      );
      await recordNamed(tx, ctx, { type: "stakeholder", id: role.id }, before.join(", "), after.join(", "));
    });
    return after.length
      ? announce({ bold: role.name }, `: ${after.join(", ")} (${role.accountability}).`)
      : announce({ bold: role.name }, ": nobody named now.");
  },
});
