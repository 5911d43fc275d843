/** The "Assign to me" button on an incident card. */
import { defineAction } from "../../src/app/command.js";
import { requireIncidentActor } from "../../src/alerts/incident-access.js";
import { assignToMe } from "../../src/alerts/incident-write.js";

/** Assigns the incident named by the button to the presser, in Graph and in the thread. */
export const incidentAssignAction = defineAction({
  id: "incident.assign",
  minRole: "analyst",
  run(ctx, value) {
    requireIncidentActor(ctx);
    return assignToMe(ctx, value);
  },
});
