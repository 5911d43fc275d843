/** The guidance's own text as data (src/data/guidance.json): phases, strategy tables, stakeholders, Ready, Adopt, Govern, links. */
import { z } from "zod";

const link = z.strictObject({ title: z.string().min(1), url: z.url({ protocol: /^https$/ }) });

/** Validates the shipped guidance file, so a bad edit fails at start with the offending path. */
export const guidanceSchema = z.strictObject({
  version: z.literal(1),
  title: z.string(),
  url: z.url({ protocol: /^https$/ }),
  intro: z.string(),
  assumeBreach: z.array(z.strictObject({ element: z.string(), describedIn: z.string(), link: link.optional() })),
  phases: z.array(
    z.strictObject({
      id: z.enum(["strategy", "plan", "ready", "adopt", "govern"]),
      name: z.string(),
      elements: z.array(z.string()).min(1),
      summary: z.string(),
    }),
  ),
  motivations: z.array(z.strictObject({ area: z.string(), text: z.string() })),
  outcomes: z.array(z.strictObject({ objective: z.string(), text: z.string(), link: link.optional() })),
  technicalAdoption: z.array(z.string()),
  relatedActivities: z.array(z.string()),
  stages: z.array(
    z.strictObject({ id: z.enum(["S1", "S2", "S3", "S4"]), summary: z.string(), objectives: z.array(z.string()) }),
  ),
  understand: z.array(z.string()),
  stakeholders: z.array(
    z.strictObject({ id: z.string().regex(/^[a-z-]+$/), name: z.string(), accountability: z.string() }),
  ),
  breachFrameworks: z.array(link),
  skillsTraining: z.array(link.extend({ description: z.string() })),
  cloudAdoptionPlan: z.strictObject({ attributes: z.array(z.strictObject({ name: z.string(), text: z.string() })) }),
  ready: z.strictObject({ checklist: z.array(z.string()), leadsCan: z.array(z.string()) }),
  adopt: z.strictObject({ note: z.string(), elements: z.array(z.string()) }),
  govern: z.array(z.strictObject({ objective: z.string(), tasks: z.array(z.string()).min(1) })),
  related: z.strictObject({
    scenario: z.array(link),
    framework: z.array(link),
    cloudAdoptionFramework: z.array(link),
    more: link,
  }),
  trackingResources: z.array(
    z.strictObject({ name: z.string(), links: z.array(link).min(1), helps: z.string(), designedFor: z.string() }),
  ),
});

/** The guidance as shipped in src/data/guidance.json. */
export type Guidance = z.infer<typeof guidanceSchema>;

/** One of the guidance's five stakeholder roles. */
export type StakeholderRole = Guidance["stakeholders"][number];

/** Finds a stakeholder role by its id (`sponsor`, `secops-lead`, …) or the start of its name, or undefined. */
export function findStakeholderRole(guidance: Guidance, word: string): StakeholderRole | undefined {
  const w = word.toLowerCase();
  return guidance.stakeholders.find((r) => r.id === w) ?? guidance.stakeholders.find((r) => r.name.toLowerCase() === w);
}
