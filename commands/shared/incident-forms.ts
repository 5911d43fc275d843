/** The resolve form (modal on Slack, input card on Teams); without forms, the command to type. */
import type { Reply } from "../../src/core/reply.js";
import { enumLabel, type Incident } from "../../src/domain/incident.js";
import { DETERMINATIONS_BY_CLASSIFICATION } from "../../src/domain/incident-resolution.js";

/** The usage of the typed fallback. */
export const RESOLVE_USAGE = "incident <id> resolve <tp|fp|benign> [determination]";

/** Asks for classification and determination; submitted as action `incident.resolved` with the incident id. */
export function resolveForm(incident: Incident): Reply {
  const determinations = [...new Set(Object.values(DETERMINATIONS_BY_CLASSIFICATION).flat())];
  return {
    kind: "form",
    visibility: "requester",
    fallback: [
      "Resolve with ",
      { code: `incident ${incident.id} resolve <tp|fp|benign> [determination]` },
      `, e.g. incident ${incident.id} resolve tp malware.`,
    ],
    form: {
      actionId: "incident.resolved",
      title: `Resolve incident ${incident.id}`,
      submitLabel: "Resolve",
      value: incident.id,
      fields: [
        {
          id: "classification",
          label: "Classification",
          kind: "choice",
          options: Object.keys(DETERMINATIONS_BY_CLASSIFICATION).map((c) => ({ value: c, label: enumLabel(c) })),
        },
        {
          id: "determination",
          label: "Determination",
          kind: "choice",
          optional: true,
          options: determinations.map((d) => ({ value: d, label: enumLabel(d) })),
        },
      ],
    },
  };
}
