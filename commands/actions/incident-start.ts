/** The "In progress" button on an incident card. */
import { defineAction } from "../../src/app/command.js";
import { requireIncidentActor } from "../../src/alerts/incident-access.js";
import { setIncidentStatus } from "../../src/alerts/incident-write.js";

/** Marks the incident in progress in Graph. */
export const incidentStartAction = defineAction({
  id: "incident.start",
  minRole: "analyst",
  run(ctx, value) {
    requireIncidentActor(ctx);
    return setIncidentStatus(ctx, value, "inProgress");
  },
});
