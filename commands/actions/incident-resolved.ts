/** The resolve form's submission: classification and determination arrive as inputs (untrusted). */
import { defineAction } from "../../src/app/command.js";
import {
  DETERMINATIONS_BY_CLASSIFICATION,
  parseClassification,
  parseDetermination,
} from "../../src/domain/incident-resolution.js";
import { BotError } from "../../src/errors.js";
import { requireIncidentActor } from "../../src/alerts/incident-access.js";
import { RESOLVE_USAGE } from "../shared/incident-forms.js";
import { resolveIncident } from "../../src/alerts/incident-write.js";

/** Validates the choices against what Defender accepts, then resolves in Graph. */
export const incidentResolvedAction = defineAction({
  id: "incident.resolved",
  minRole: "analyst",
  run(ctx, value, inputs) {
    requireIncidentActor(ctx);
    const classification = parseClassification(inputs.classification ?? "");
    if (!classification)
      throw new BotError(
        "usage",
        "Choose a classification: true positive, false positive or informational expected activity.",
        { usage: RESOLVE_USAGE },
      );
    const word = inputs.determination?.trim();
    const determination = word ? parseDetermination(word, classification) : undefined;
    if (word && !determination) {
      const allowed = (DETERMINATIONS_BY_CLASSIFICATION[classification] ?? []).join(", ");
      throw new BotError("usage", `That determination does not go with ${classification}; choose one of ${allowed}.`, {
        usage: RESOLVE_USAGE,
      });
    }
    return resolveIncident(ctx, value, classification, determination);
  },
});
