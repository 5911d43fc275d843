/** The "Reopen" button on a resolved incident's card. */
import { defineAction } from "../../src/app/command.js";
import { requireIncidentActor } from "../../src/alerts/incident-access.js";
import { setIncidentStatus } from "../../src/alerts/incident-write.js";

/** Sets the incident active again in Graph. */
export const incidentReopenAction = defineAction({
  id: "incident.reopen",
  minRole: "analyst",
  run(ctx, value) {
    requireIncidentActor(ctx);
    return setIncidentStatus(ctx, value, "active");
  },
});
