/**
 * A neutral Form → an Adaptive Card input card. Its Action.Submit carries {actionId, value} plus
 * the ids of person fields, and Teams merges the inputs in; the adapter reads that back in parse.ts.
 * A person field is Teams' people picker (an Input.ChoiceSet searching the directory through
 * `choices.data`, Teams' extension), which submits the chosen person's Entra object id. Its static
 * choice "Me" keeps the set valid Adaptive Cards 1.5 (a choice set needs a choice), and an
 * Input.Text with the same id is its fallback for hosts without choice sets (a name to type).
 */
import type { Form, FormField } from "../../src/core/reply.js";
import { richText, run } from "./card-blocks.js";
import type { CardAction, CardElement } from "./card-types.js";
import { oneLine } from "./escape.js";
import type { TeamsLimits } from "./limits.js";

/** The key in submit data that lists which inputs are people (so parse.ts resolves them). */
export const PEOPLE_KEY = "people";

/** The people picker's static choice that stands for whoever submits the card. */
export const ME_CHOICE = "me";

function input(field: FormField, limits: TeamsLimits): CardElement {
  const common = {
    id: field.id,
    label: oneLine(field.label, limits.maxTitle),
    isRequired: !field.optional,
    errorMessage: oneLine(`${field.label} is required`, limits.maxTitle),
  };
  switch (field.kind) {
    case "choice": {
      const options = field.options ?? [];
      const choices = options
        .slice(0, limits.maxChoices)
        .map((o) => ({ title: oneLine(o.label, 120), value: oneLine(o.value, 200) }));
      const initial = field.initial && choices.some((c) => c.value === field.initial) ? { value: field.initial } : {};
      return { type: "Input.ChoiceSet", ...common, style: "compact", choices, ...initial };
    }
    case "person":
      return {
        type: "Input.ChoiceSet",
        ...common,
        placeholder: "Search for a person",
        choices: [{ title: "Me", value: ME_CHOICE }],
        "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
        isMultiSelect: false,
        fallback: { type: "Input.Text", ...common, placeholder: "Their display name", maxLength: 200 },
      };
    case "date":
      return {
        type: "Input.Date",
        ...common,
        ...(field.initial && /^\d{4}-\d{2}-\d{2}$/.test(field.initial) ? { value: field.initial } : {}),
      };
    case "file":
      return { type: "TextBlock", text: oneLine(`${field.label}: attach it in our personal chat`, 200), wrap: true };
    case "text":
      return {
        type: "Input.Text",
        ...common,
        maxLength: 200,
        ...(field.initial ? { value: oneLine(field.initial, 200) } : {}),
      };
  }
}

/** The input card's body and its one submit action. */
export function formCard(form: Form, limits: TeamsLimits): { body: CardElement[]; actions: CardAction[] } {
  const people = form.fields.filter((f) => f.kind === "person").map((f) => f.id);
  return {
    body: [
      richText([run(form.title, limits.maxTitle, { size: "Medium", weight: "Bolder" })]),
      ...form.fields.map((f) => input(f, limits)),
    ],
    actions: [
      {
        type: "Action.Submit",
        title: oneLine(form.submitLabel, limits.maxActionTitle),
        style: "positive",
        data: { actionId: form.actionId, value: form.value, [PEOPLE_KEY]: people },
      },
    ],
  };
}
