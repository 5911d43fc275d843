/** Reads and validates the shipped guidance text. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { guidanceSchema, type Guidance } from "../domain/guidance.js";
import { projectRoot } from "../storage/project-root.js";

/** Loads src/data/guidance.json; throws with zod's path on a malformed file. */
export function loadGuidance(path = join(projectRoot(), "src", "data", "guidance.json")): Guidance {
  return guidanceSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}
