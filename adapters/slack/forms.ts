/** Opens a neutral form as a modal with the request's trigger_id; if Slack refuses, says so and shows the typed command instead. */
import type { webApi } from "@slack/bolt";
import type { Reply } from "../../src/core/reply.js";
import type { Logger } from "../../src/logger.js";
import { deliverReply, type ReplyTarget } from "./deliver.js";
import { classify, explainToPerson } from "./errors.js";
import { formToModal, type ModalOrigin } from "./modal.js";
import type { OriginSeal } from "./origin-seal.js";

/** views.open for a form reply; falls back to the form's text (the command to type) with the reason. */
export async function openForm(
  client: webApi.WebClient,
  triggerId: string,
  reply: Extract<Reply, { kind: "form" }>,
  origin: ModalOrigin,
  fallbackTarget: ReplyTarget,
  log: Logger,
  seal?: OriginSeal,
): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view: formToModal(reply.form, origin, seal) });
  } catch (err) {
    log.warn({ err: classify(err), form: reply.form.actionId }, "views.open failed");
    await deliverReply(
      fallbackTarget,
      { kind: "text", visibility: "requester", spans: [explainToPerson(err), "\n", ...reply.fallback] },
      log,
    );
  }
}
