/**
 * Parses and validates an Adaptive Card with Microsoft's own `adaptivecards` package (the JS
 * renderer's object model), targeting the version Teams supports (1.5). Returns every problem the
 * package reports: parse events (unknown types, properties of a later version) and validation
 * failures (an empty choice set, a duplicate id, …).
 */
import { createRequire } from "node:module";
import type * as AdaptiveCards from "adaptivecards";

const load = createRequire(import.meta.url);
const AC = load("adaptivecards/dist/adaptivecards.js") as typeof AdaptiveCards;

/** One problem the package found. */
export interface CardProblem {
  phase: "parse" | "validate";
  message: string;
}

/** Every problem with `card` as Adaptive Cards 1.5. */
export function adaptiveCardProblems(card: unknown): CardProblem[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const problems: CardProblem[] = [];
  for (let i = 0; i < context.eventCount; i++)
    problems.push({ phase: "parse", message: context.getEventAt(i).message });
  for (const event of parsed.validateProperties().validationEvents)
    problems.push({ phase: "validate", message: event.message });
  return problems;
}

/** Teams' people picker searches the directory through `choices.data`, which the package dates to 1.6. */
export const PEOPLE_PICKER_NOTE = 'Property "choices.data" is supported in version 1.6, but you are using version 1.5.';
