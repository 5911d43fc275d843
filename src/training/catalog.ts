/** The training catalog's shape (src/data/training.json) and lookups over it: skills, modules, stage needs. */
import { z } from "zod";
import { usageError } from "../errors.js";

const skillId = z.string().regex(/^[a-z][a-z-]{1,30}$/);
const stageId = z.string().regex(/^S[1-4]$/);

const moduleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,48}$/),
  title: z.string().min(1).max(100),
  description: z.string().min(1).max(300),
  link: z.string().regex(/^(\/|https:\/\/)\S+$/, "must start with / (relative to baseUrl) or https://"),
  kind: z.enum(["module", "learning-path", "documentation"]),
  minutes: z.number().int().positive().max(2400),
  skills: z.array(skillId).min(1),
  stages: z.array(z.union([stageId, z.literal("readiness")])).min(1),
});

/** Validates the shipped catalog, including every cross-reference, so a bad edit fails at start with its path. */
export const catalogSchema = z
  .strictObject({
    version: z.literal(1),
    baseUrl: z.url().refine((u) => u.startsWith("https://"), "must be https"),
    stageLevel: z.number().int().min(1).max(5),
    skills: z.array(z.strictObject({ id: skillId, name: z.string().min(1).max(40) })).min(1),
    stageSkills: z.record(stageId, z.array(skillId).min(1)),
    serviceSources: z.record(z.string().min(1), skillId),
    modules: z.array(moduleSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const skills = new Set(c.skills.map((s) => s.id));
    const bad = (path: (string | number)[], id: string) =>
      ctx.addIssue({ code: "custom", path, message: `unknown skill "${id}"` });
    Object.entries(c.stageSkills).forEach(([stage, ids]) =>
      ids.forEach((id, i) => skills.has(id) || bad(["stageSkills", stage, i], id)),
    );
    Object.entries(c.serviceSources).forEach(([source, id]) => skills.has(id) || bad(["serviceSources", source], id));
    c.modules.forEach((m, i) => m.skills.forEach((id, j) => skills.has(id) || bad(["modules", i, "skills", j], id)));
    const ids = c.modules.map((m) => m.id);
    ids.forEach(
      (id, i) =>
        ids.indexOf(id) !== i &&
        ctx.addIssue({ code: "custom", path: ["modules", i, "id"], message: `module id "${id}" appears twice` }),
    );
  });

/** A skill area such as `hunting`, with its display name. */
export interface Skill {
  id: string;
  name: string;
}

/** One piece of training, with its link made absolute. */
export interface TrainingModule {
  id: string;
  title: string;
  description: string;
  url: string;
  kind: "module" | "learning-path" | "documentation";
  minutes: number;
  skills: string[];
  stages: string[];
}

/** The loaded catalog: skills in display order, modules in catalog order, and the signal mappings. */
export interface TrainingCatalog {
  skills: Skill[];
  modules: TrainingModule[];
  /** Plan area id (S1–S4) → the skills a started stage needs. */
  stageSkills: Record<string, string[]>;
  /** The self-rating a started stage expects for each of its skills. */
  stageLevel: number;
  /** Graph alert serviceSource, lower-cased → skill id. */
  serviceSources: Record<string, string>;
}

/** Turns the validated file into the catalog the code uses. */
export function buildCatalog(raw: z.infer<typeof catalogSchema>): TrainingCatalog {
  return {
    skills: raw.skills,
    modules: raw.modules.map(({ link, ...m }) => ({
      ...m,
      url: link.startsWith("/") ? raw.baseUrl.replace(/\/$/, "") + link : link,
    })),
    stageSkills: raw.stageSkills,
    stageLevel: raw.stageLevel,
    serviceSources: Object.fromEntries(Object.entries(raw.serviceSources).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

/** The skill a typed word names, or a usage error listing the valid ids. */
export function parseSkill(catalog: TrainingCatalog, word: string): Skill {
  const skill = catalog.skills.find((s) => s.id === word.toLowerCase());
  if (!skill)
    throw usageError(
      `"${word.slice(0, 40)}" is not a skill area; use one of: ${catalog.skills.map((s) => s.id).join(", ")}.`,
    );
  return skill;
}

/** The module a typed id names, or undefined. */
export function findModule(catalog: TrainingCatalog, id: string): TrainingModule | undefined {
  return catalog.modules.find((m) => m.id === id.toLowerCase());
}

/** A skill's display name (its id when unknown, e.g. after a catalog edit). */
export function skillName(catalog: TrainingCatalog, id: string): string {
  return catalog.skills.find((s) => s.id === id)?.name ?? id;
}

/** "about 45 minutes", "about 2 hours", "about 7 hours": durations are estimates. */
export function aboutDuration(minutes: number): string {
  if (minutes < 90) return `about ${minutes} minutes`;
  const hours = Math.round(minutes / 30) / 2;
  return `about ${hours} hours`;
}
