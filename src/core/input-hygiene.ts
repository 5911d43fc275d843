/**
 * Refuses command lines no person types (empty, enormous, or carrying control characters or bidi
 * overrides), and holds form and card submissions to the same checks, field by field.
 */
import { BotError } from "../errors.js";

/** Longest command line accepted; a title plus arguments fits easily. */
export const MAX_LINE = 2000;

const UNTYPABLE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Throws a usage error for lines the router should not try to read. */
export function checkLine(line: string): void {
  if (line.trim() === "") throw new BotError("usage", "The command is empty.", { usage: "help [command]" });
  if (line.length > MAX_LINE) {
    throw new BotError("usage", `The command is ${line.length} characters long; the limit is ${MAX_LINE}.`, {
      usage: "help [command]",
    });
  }
  if (UNTYPABLE.test(line)) {
    throw new BotError("usage", "The command contains control characters.", { usage: "help [command]" });
  }
}

/** Throws a usage error when a submitted field (or the button's value) is too long or holds control characters. */
export function checkSubmission(value: string, inputs: Readonly<Record<string, string>>): void {
  for (const [field, text] of [["value", value] as const, ...Object.entries(inputs)]) {
    if (text.length > MAX_LINE)
      throw new BotError(
        "usage",
        `The field "${field.slice(0, 40)}" is ${text.length} characters long; the limit is ${MAX_LINE}.`,
      );
    if (UNTYPABLE.test(text))
      throw new BotError("usage", `The field "${field.slice(0, 40)}" contains control characters.`);
  }
}
