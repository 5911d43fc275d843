/**
 * Neutral forms as Slack modals, and modal submissions back into form inputs. The modal carries in
 * `private_metadata` where its answer should go (channel, response_url, replace the card or not),
 * sealed with an HMAC (origin-seal.ts); a response_url read back is used only on Slack's host.
 */
import type { types } from "@slack/bolt";
import { z } from "zod";
import type { Form, FormField } from "../../src/core/reply.js";
import { LIMITS } from "./limits.js";
import { allowedResponseUrl, macMatches, macOf, type OriginSeal, SLACK_RESPONSE_HOST } from "./origin-seal.js";
import { contextLine, plain } from "./render-blocks.js";
import { clipPlain, safeUrl, sendable } from "./text.js";

/** Where a submitted modal's reply goes, and the entity id the form was about. */
export interface ModalOrigin {
  value: string;
  channelId?: string;
  responseUrl?: string;
  /** Replace the card the modal was opened from (Reassign on a task card) instead of posting anew. */
  replace: boolean;
  /** That card was ephemeral (seen by the clicker only). */
  ephemeral?: boolean;
}

const Metadata = z.object({
  v: z.string().max(LIMITS.buttonValue),
  c: z.string().max(64).optional(),
  u: z.string().max(2000).optional(),
  r: z.literal(1).optional(),
  e: z.literal(1).optional(),
  s: z.string().max(64).optional(),
});

/** Packs the origin into private_metadata (sealed when `seal` is given), dropping the response_url if the limit would be exceeded. */
export function encodeOrigin(origin: ModalOrigin, seal?: OriginSeal): string {
  const full = {
    v: origin.value,
    ...(origin.channelId ? { c: origin.channelId } : {}),
    ...(origin.responseUrl ? { u: origin.responseUrl } : {}),
    ...(origin.replace ? { r: 1 } : {}),
    ...(origin.ephemeral ? { e: 1 } : {}),
  };
  const sealed = (o: object) => {
    const text = JSON.stringify(o);
    return seal ? JSON.stringify({ ...o, s: macOf(seal, text) }) : text;
  };
  const text = sealed(full);
  if (text.length <= LIMITS.privateMetadata) return text;
  return sealed({ v: origin.value.slice(0, 1000), ...(origin.channelId ? { c: origin.channelId } : {}) });
}

/**
 * Reads private_metadata back; anything unexpected (or, with `seal`, a missing or wrong seal)
 * yields an origin with no destination. A response_url survives only on an allowed host.
 */
export function decodeOrigin(raw: string | undefined, seal?: OriginSeal): ModalOrigin {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? "");
  } catch {
    return { value: "", replace: false };
  }
  const m = Metadata.safeParse(parsed);
  if (!m.success) return { value: "", replace: false };
  const { s: mac, ...unsealed } = parsed as Record<string, unknown>;
  if (seal && !(typeof mac === "string" && macMatches(seal, JSON.stringify(unsealed), mac)))
    return { value: "", replace: false };
  const hosts = seal?.responseHosts ?? [SLACK_RESPONSE_HOST];
  const allowed = m.data.u ? allowedResponseUrl(m.data.u, hosts) : undefined;
  const responseUrl = allowed ? safeUrl(allowed) : undefined;
  return {
    value: m.data.v,
    replace: m.data.r === 1,
    ...(m.data.e === 1 ? { ephemeral: true } : {}),
    ...(m.data.c ? { channelId: m.data.c } : {}),
    ...(responseUrl ? { responseUrl } : {}),
  };
}

/** What a form's file field accepts (Slack checks the extension; the import code checks the content). */
export const IMPORT_FILE_TYPES = ["xlsx", "csv"] as const;

/** The option list of a choice field, at most 100, each label and value within limits. */
function options(field: FormField): types.PlainTextOption[] {
  return (field.options ?? [])
    .filter((o) => o.value.length <= LIMITS.optionValue)
    .slice(0, LIMITS.selectOptions)
    .map((o) => ({ text: plain(clipPlain(o.label || o.value, LIMITS.optionText)), value: o.value }));
}

/** The input element for one field. */
function element(field: FormField): types.InputBlockElement {
  const initial = field.initial;
  switch (field.kind) {
    case "person": {
      const user = initial && /^@?[UW][A-Z0-9]{2,}$/.test(initial) ? initial.replace(/^@/, "") : undefined;
      return { type: "users_select", action_id: "value", ...(user ? { initial_user: user } : {}) };
    }
    case "date":
      return {
        type: "datepicker",
        action_id: "value",
        ...(initial && /^\d{4}-\d{2}-\d{2}$/.test(initial) ? { initial_date: initial } : {}),
      };
    case "choice": {
      const opts = options(field);
      if (opts.length === 0) break;
      const chosen = opts.find((o) => o.value === initial);
      return {
        type: "static_select",
        action_id: "value",
        options: opts,
        ...(chosen ? { initial_option: chosen } : {}),
      };
    }
    case "file":
      return { type: "file_input", action_id: "value", filetypes: [...IMPORT_FILE_TYPES], max_files: 1 };
    case "text":
      break;
  }
  return {
    type: "plain_text_input",
    action_id: "value",
    max_length: LIMITS.textInput,
    ...(initial ? { initial_value: initial.slice(0, LIMITS.textInput) } : {}),
  };
}

/** A form as a modal view, with `origin` in its metadata (sealed when `seal` is given). */
export function formToModal(form: Form, origin: ModalOrigin, seal?: OriginSeal): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  for (const field of form.fields.slice(0, LIMITS.blocks.modal - 1)) {
    blocks.push({
      type: "input",
      block_id: field.id.slice(0, LIMITS.blockId),
      label: plain(clipPlain(field.label.trim() ? field.label : field.id || "Value", LIMITS.inputLabel)),
      element: element(field),
      optional: field.optional === true,
    });
    const hidden = (field.options?.length ?? 0) - LIMITS.selectOptions;
    if (field.kind === "choice" && hidden > 0 && blocks.length < LIMITS.blocks.modal) {
      blocks.push(contextLine(`…and ${hidden} more not listed here; use the typed command for those.`));
    }
  }
  return sendable({
    type: "modal",
    callback_id: form.actionId.slice(0, LIMITS.callbackId),
    title: plain(clipPlain(form.title.trim() ? form.title : "SecOps", LIMITS.modalTitle)),
    submit: plain(clipPlain(form.submitLabel.trim() ? form.submitLabel : "Submit", LIMITS.modalButton)),
    close: plain("Cancel"),
    private_metadata: encodeOrigin(origin, seal),
    blocks,
  } satisfies types.ModalView);
}

/** Submitted values by field id; `people` lists the fields that hold a Slack user id, `files` the uploaded files' ids. */
export interface Submission {
  inputs: Record<string, string>;
  people: Record<string, string>;
  files: string[];
}

/** One input element's state as Slack sends it in view.state.values. */
type InputState = {
  type?: string;
  value?: string | null;
  selected_user?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
  files?: { id?: unknown }[];
};

/** Reads view.state.values: text, date and choice values as given, users_select as user ids in `people`. */
export function readSubmission(values: Record<string, Record<string, InputState>>): Submission {
  const inputs: Record<string, string> = {};
  const people: Record<string, string> = {};
  const files: string[] = [];
  for (const [blockId, actions] of Object.entries(values)) {
    const state = actions.value;
    if (!state) continue;
    if (state.type === "file_input") {
      for (const f of state.files ?? [])
        if (typeof f.id === "string" && /^F[A-Z0-9]{2,30}$/.test(f.id)) files.push(f.id);
      continue;
    }
    if (state.type === "users_select") {
      if (state.selected_user) people[blockId] = state.selected_user;
      continue;
    }
    const value =
      state.type === "datepicker"
        ? state.selected_date
        : state.type === "static_select"
          ? state.selected_option?.value
          : state.value;
    if (typeof value === "string" && value !== "") inputs[blockId] = value;
  }
  return { inputs, people, files };
}
