/** Finding an incident of the workspace's Graph tenant by the id a person typed or a button carried. */
import type { CommandContext } from "../app/command.js";
import type { Incident } from "../domain/incident.js";
import { hasRole, roleRequirement } from "../domain/roles.js";
import { forbidden, notFound } from "../errors.js";

/** The incident, or a not-found error; ids are short printable strings, anything else is refused. */
export async function findIncident(ctx: CommandContext, id: string): Promise<Incident> {
  const clean = id.trim().replace(/^#/, "");
  if (!/^[\w.:=+-]{1,128}$/.test(clean)) throw notFound(`"${clean.slice(0, 40)}" is not an incident id.`);
  const tenant = await visibleTenant(ctx);
  const incident = await ctx.services.incidents.get(tenant, clean);
  if (!incident) throw notFound(`No incident ${clean} has been synced (yet).`);
  return incident;
}

/** Re-checks, inside every incident action, that the person may act on incidents (analyst or above). */
export function requireIncidentActor(ctx: CommandContext): void {
  if (!hasRole(ctx.actor.role, "analyst"))
    throw forbidden(`Acting on incidents needs ${roleRequirement("analyst")}; your role is ${ctx.actor.role}.`);
}

/** The tenant whose incidents this workspace sees; refuses with how to link one when it sees none. */
export async function visibleTenant(ctx: CommandContext): Promise<string> {
  const tenant = await ctx.services.tenants.tenantFor(ctx.workspace);
  if (!tenant)
    throw notFound(
      "No Microsoft Graph tenant is linked to this workspace; an admin links one with `graph link <tenant>`.",
    );
  return tenant;
}
