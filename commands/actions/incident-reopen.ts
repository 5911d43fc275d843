/** The "Reopen" button on a resolved incident's card. */
import { defineAction } from "../../src/core/command.js";
import { requireIncidentActor } from "../shared/incident-access.js";
import { setIncidentStatus } from "../shared/incident-write.js";

/** Sets the incident active again in Graph. */
export const incidentReopenAction = defineAction({
  id: "incident.reopen",
  minRole: "analyst",
  run(ctx, value) {
    requireIncidentActor(ctx);
    return setIncidentStatus(ctx, value, "active");
  },
});
