/** Reads and validates the shipped adoption plan. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { planSchema, type Plan } from "../domain/plan.js";
import { projectRoot } from "../storage/project-root.js";

/** Loads src/data/plan.json; throws with zod's path on a malformed file. */
export function loadPlan(path = join(projectRoot(), "src", "data", "plan.json")): Plan {
  const plan = planSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const ids = plan.areas.flatMap((a) => a.objectives.flatMap((o) => o.tasks.map((t) => t.id)));
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`plan.json: task id ${dup} appears twice`);
  return plan;
}
