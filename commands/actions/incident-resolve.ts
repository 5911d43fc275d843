/** The "Resolve" button: asks for classification and determination before anything is written. */
import { defineAction } from "../../src/app/command.js";
import { textReply } from "../../src/core/reply.js";
import { usageError } from "../../src/errors.js";
import { findIncident, requireIncidentActor } from "../../src/alerts/incident-access.js";
import { resolveForm } from "../shared/incident-forms.js";

/** Opens the resolve form (or tells the command to type where there are no forms). */
export const incidentResolveAction = defineAction({
  id: "incident.resolve",
  minRole: "analyst",
  async run(ctx, value) {
    requireIncidentActor(ctx);
    const incident = await findIncident(ctx, value);
    if (incident.status === "resolved") throw usageError(`Incident ${incident.id} is already resolved.`);
    const form = resolveForm(incident);
    return ctx.incoming.capabilities.forms || form.kind !== "form" ? form : textReply(...form.fallback);
  },
});
