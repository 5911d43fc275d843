/** Refuses command lines no person types: empty, enormous, or carrying control characters. */
import { BotError } from "../errors.js";

/** Longest command line accepted; a title plus arguments fits easily. */
export const MAX_LINE = 2000;

/** Throws a usage error for lines the router should not try to read. */
export function checkLine(line: string): void {
  if (line.trim() === "") throw new BotError("usage", "The command is empty.", { usage: "help [command]" });
  if (line.length > MAX_LINE) {
    throw new BotError("usage", `The command is ${line.length} characters long; the limit is ${MAX_LINE}.`, {
      usage: "help [command]",
    });
  }
  if (/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(line)) {
    throw new BotError("usage", "The command contains control characters.", { usage: "help [command]" });
  }
}
