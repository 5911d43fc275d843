/** The adoption plan's shape: phases, stakeholders, and areas (stages 1–4, inventory, readiness, governance) of tasks. */
import { z } from "zod";

const resource = z.strictObject({ title: z.string().min(1), url: z.url() });
const planTask = z.strictObject({
  id: z.string().regex(/^(S[1-4]|INV|RDY|GOV)-\d+$/),
  title: z.string().min(1).max(120),
  detail: z.string(),
  resources: z.array(resource),
});

/** Validates the shipped plan file, so a bad edit fails at start with the offending path. */
export const planSchema = z.strictObject({
  version: z.literal(1),
  phases: z
    .array(z.strictObject({ id: z.string(), name: z.string(), summary: z.string(), items: z.array(z.string()) }))
    .length(5),
  stakeholders: z.array(z.strictObject({ role: z.string(), who: z.string(), accountability: z.string() })),
  areas: z.array(
    z.strictObject({
      id: z.string().regex(/^(S[1-4]|INV|RDY|GOV)$/),
      kind: z.enum(["stage", "inventory", "readiness", "governance"]),
      name: z.string(),
      summary: z.string(),
      objectives: z.array(z.strictObject({ name: z.string(), tasks: z.array(planTask).min(1) })).min(1),
    }),
  ),
});

/** The adoption plan as shipped in src/data/plan.json. */
export type Plan = z.infer<typeof planSchema>;

/** One area of the plan (a stage or another group of tasks). */
export type PlanArea = Plan["areas"][number];

/** Parses an area id such as `s2` or `INV` to its canonical form, or undefined. */
export function parseAreaId(plan: Plan, word: string): string | undefined {
  const upper = word.toUpperCase();
  return plan.areas.some((a) => a.id === upper) ? upper : undefined;
}

/** Task ids look like `S1-2`, `INV-3`; custom tasks continue an area's numbering. */
export const TASK_ID = /^(S[1-4]|INV|RDY|GOV)-\d{1,4}$/i;
