/** Reads and validates the shipped training catalog, like load-plan.ts does for the plan. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../storage/project-root.js";
import { buildCatalog, catalogSchema, type TrainingCatalog } from "./catalog.js";

/** Loads src/data/training.json; a malformed file or a dangling skill id throws naming the file and the path inside it. */
export function loadTrainingCatalog(path = join(projectRoot(), "src", "data", "training.json")): TrainingCatalog {
  const parsed = catalogSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path} is not a valid training catalog:\n${z.prettifyError(parsed.error)}`);
  return buildCatalog(parsed.data);
}
