/** `incident <id> [assign me | start | reopen | resolve …]`: one incident's card, or an action on it. */
import { incidentCard } from "../src/alerts/incident-card.js";
import { defineCommand, type CommandContext } from "../src/app/command.js";
import { cardReply, type Reply } from "../src/core/reply.js";
import { touchedAssets } from "../src/domain/incident-assets.js";
import { enumLabel, incidentEvidence } from "../src/domain/incident.js";
import {
  DETERMINATIONS_BY_CLASSIFICATION,
  parseClassification,
  parseDetermination,
} from "../src/domain/incident-resolution.js";
import { usageError } from "../src/errors.js";
import { findIncident } from "../src/alerts/incident-access.js";
import { assignToMe, resolveIncident, setIncidentStatus } from "../src/alerts/incident-write.js";

async function showCard(ctx: CommandContext, id: string): Promise<Reply> {
  const incident = await findIncident(ctx, id);
  const card = incidentCard(
    incident,
    touchedAssets(incidentEvidence(incident), await ctx.services.assets.all(ctx.workspace)),
    ctx.services.alertFeed.source.kind,
  );
  const history = (await ctx.services.incidents.history(incident.tenant, incident.id))
    .filter((h) => h.field !== "alert-updated")
    .slice(-5);
  if (history.length) {
    const line = history
      .map(
        (h) =>
          `${h.changedAt.slice(0, 16).replace("T", " ")} ${h.field}${h.newValue ? ` → ${enumLabel(h.newValue)}` : ""}${h.actorName ? ` (${h.actorName})` : ""}`,
      )
      .join("; ");
    card.blocks.splice(card.blocks.length - 1, 0, { type: "context", spans: [`Recent changes: ${line}`] });
  }
  return cardReply(card);
}

/** Shows or changes an incident; every change is written to Microsoft Graph first. */
export const incidentCommand = defineCommand({
  name: "incident",
  summary: "Show an incident, or assign it to you, start, reopen or resolve it",
  usage: "incident <id> [assign me | start | reopen | resolve <tp|fp|benign> [determination]]",
  minRole: "analyst",
  details: [
    "Changes are written to Microsoft Graph (needs the SecurityIncident.ReadWrite.All permission) and posted in the incident's threads.",
    `Determinations: true positive → ${DETERMINATIONS_BY_CLASSIFICATION.truePositive?.join(", ")}; false positive → ${DETERMINATIONS_BY_CLASSIFICATION.falsePositive?.join(", ")}; benign → ${DETERMINATIONS_BY_CLASSIFICATION.informationalExpectedActivity?.join(", ")}.`,
  ],
  run(ctx, args) {
    const id = args.required("the incident id");
    const verb = args.next()?.toLowerCase();
    if (verb === undefined) return showCard(ctx, id);
    if (verb === "assign") {
      const who = args.required("who (only `me` is supported)");
      if (who.toLowerCase() !== "me")
        throw usageError("Incidents can only be assigned to yourself here; use `assign me`.");
      args.end();
      return assignToMe(ctx, id);
    }
    if (verb === "start" || verb === "reopen") {
      args.end();
      return setIncidentStatus(ctx, id, verb === "start" ? "inProgress" : "active");
    }
    if (verb === "resolve") {
      const word = args.required("the classification (tp, fp or benign)");
      const classification = parseClassification(word);
      if (!classification) throw usageError(`"${word.slice(0, 30)}" is not a classification; use tp, fp or benign.`);
      const detWord = args.next();
      args.end();
      const determination = detWord === undefined ? undefined : parseDetermination(detWord, classification);
      if (detWord !== undefined && !determination) {
        throw usageError(
          `"${detWord.slice(0, 30)}" does not go with ${enumLabel(classification)}; use ${(DETERMINATIONS_BY_CLASSIFICATION[classification] ?? []).join(", ")}.`,
        );
      }
      return resolveIncident(ctx, id, classification, determination);
    }
    throw usageError(`"${verb.slice(0, 20)}" is not something to do with an incident.`);
  },
});
