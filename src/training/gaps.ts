/** Pure gap computation: where a person's skills fall short, from self-rating, incident workload and the plan's stages. */
import type { TrainingCatalog } from "./catalog.js";

/** Why a skill is a gap. */
export type GapReason =
  | { kind: "rating"; have: number; need: number; role: string }
  | { kind: "workload"; incidents: number; days: number }
  | { kind: "stage"; stages: string[]; level: number };

/** One skill area where the person falls short, with a score used for ranking. */
export interface SkillGap {
  skill: string;
  score: number;
  reasons: GapReason[];
}

/** Everything gap computation looks at for one person. */
export interface GapInputs {
  catalog: TrainingCatalog;
  role: string;
  /** Self-ratings (missing = 0). */
  ratings: ReadonlyMap<string, number>;
  /** What the person's role needs. */
  needs: ReadonlyMap<string, number>;
  /** Incidents per skill area over the last `workloadDays`. */
  workload: ReadonlyMap<string, number>;
  workloadDays: number;
  /** Plan areas (S1–S4) with any task in progress or done. */
  startedStages: readonly string[];
  /** Module ids completed. */
  completed: ReadonlySet<string>;
}

/** Points per level below the role's need. */
const RATING_POINTS = 2;
/** Points per incident handled without training, capped so one busy month does not drown everything else. */
const MAX_WORKLOAD_POINTS = 10;
/** Points for a started stage's skill nobody trained in. */
const STAGE_POINTS = 2;

/** Skill areas covered by at least one completed module. */
export function trainedSkills(catalog: TrainingCatalog, completed: ReadonlySet<string>): Set<string> {
  return new Set(catalog.modules.filter((m) => completed.has(m.id)).flatMap((m) => m.skills));
}

/** Reason points, so the headline reason is the one that weighs most. */
export function reasonPoints(reason: GapReason): number {
  if (reason.kind === "rating") return (reason.need - reason.have) * RATING_POINTS;
  if (reason.kind === "workload") return Math.min(reason.incidents, MAX_WORKLOAD_POINTS);
  return STAGE_POINTS;
}

/** Every gap, largest first (ties keep the catalog's skill order). */
export function computeGaps(input: GapInputs): SkillGap[] {
  const trained = trainedSkills(input.catalog, input.completed);
  const gaps: SkillGap[] = [];
  for (const { id } of input.catalog.skills) {
    const have = input.ratings.get(id) ?? 0;
    const reasons: GapReason[] = [];
    const need = input.needs.get(id) ?? 0;
    if (have < need) reasons.push({ kind: "rating", have, need, role: input.role });
    const incidents = input.workload.get(id) ?? 0;
    if (incidents > 0 && !trained.has(id)) reasons.push({ kind: "workload", incidents, days: input.workloadDays });
    const stages = input.startedStages.filter((s) => input.catalog.stageSkills[s]?.includes(id));
    if (stages.length > 0 && !trained.has(id) && have < input.catalog.stageLevel)
      reasons.push({ kind: "stage", stages, level: input.catalog.stageLevel });
    if (reasons.length > 0)
      gaps.push({ skill: id, score: reasons.reduce((sum, r) => sum + reasonPoints(r), 0), reasons });
  }
  return gaps.sort((a, b) => b.score - a.score);
}
