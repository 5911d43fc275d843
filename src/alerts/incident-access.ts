/** Finding an incident of the configured tenant by the id a person typed or a button carried. */
import type { CommandContext } from "../app/command.js";
import type { Incident } from "../domain/incident.js";
import { hasRole, roleRequirement } from "../domain/roles.js";
import { forbidden, notFound } from "../errors.js";

/** The incident, or a not-found error; ids are short printable strings, anything else is refused. */
export async function findIncident(ctx: CommandContext, id: string): Promise<Incident> {
  const clean = id.trim().replace(/^#/, "");
  if (!/^[\w.:=+-]{1,128}$/.test(clean)) throw notFound(`"${clean.slice(0, 40)}" is not an incident id.`);
  const incident = await ctx.services.incidents.get(ctx.services.alertFeed.source.tenant, clean);
  if (!incident) throw notFound(`No incident ${clean} has been synced (yet).`);
  return incident;
}

/** Re-checks, inside every incident action, that the person may act on incidents (analyst or above). */
export function requireIncidentActor(ctx: CommandContext): void {
  if (!hasRole(ctx.actor.role, "analyst"))
    throw forbidden(`Acting on incidents needs ${roleRequirement("analyst")}; your role is ${ctx.actor.role}.`);
}
