/** Picks the modules that close a person's largest gaps, skipping what they finished, snoozed or dismissed. */
import type { TrainingCatalog, TrainingModule } from "./catalog.js";
import type { SkillGap } from "./gaps.js";

/** What a person has done with modules, and the time "snoozed until" is compared with. */
export interface RankingHistory {
  completed: ReadonlySet<string>;
  suppressions: readonly { moduleId: string; kind: "snooze" | "dismiss"; until: string | null }[];
  now: Date;
}

/** A module chosen for a gap. */
export interface RankedModule {
  module: TrainingModule;
  gap: SkillGap;
  /** True when the module belongs to the stage the team is in. */
  inCurrentStage: boolean;
}

/** Modules still worth suggesting: not completed, not dismissed, not snoozed into the future. */
export function availableModules(catalog: TrainingCatalog, history: RankingHistory): TrainingModule[] {
  const hidden = new Set(
    history.suppressions
      .filter((s) => s.kind === "dismiss" || s.until === null || new Date(s.until) > history.now)
      .map((s) => s.moduleId),
  );
  return catalog.modules.filter((m) => !history.completed.has(m.id) && !hidden.has(m.id));
}

/** How many suggestions: in all, per gap, and from how many gaps (gaps with nothing left to suggest don't count). */
export interface RankingLimits {
  limit: number;
  perGap: number;
  maxGaps: number;
}

/**
 * Walks gaps from the largest; for each, takes up to `perGap` modules covering it, best first:
 * most gap points covered across all gaps, then a module of the team's current stage, then most
 * focused (fewest skills that are not gaps), then shortest, then catalog order.
 */
export function rankModules(
  catalog: TrainingCatalog,
  gaps: readonly SkillGap[],
  history: RankingHistory,
  limits: RankingLimits,
  currentStage?: string,
): RankedModule[] {
  const { limit, perGap, maxGaps } = limits;
  const scoreOf = new Map(gaps.map((g) => [g.skill, g.score]));
  const covered = (m: TrainingModule) => m.skills.reduce((sum, s) => sum + (scoreOf.get(s) ?? 0), 0);
  const unfocused = (m: TrainingModule) => m.skills.filter((s) => !scoreOf.has(s)).length;
  const inStage = (m: TrainingModule) => (currentStage !== undefined && m.stages.includes(currentStage) ? 1 : 0);
  const order = new Map(catalog.modules.map((m, i) => [m.id, i]));
  const available = availableModules(catalog, history);
  const chosen: RankedModule[] = [];
  let used = 0;
  for (const gap of gaps) {
    if (chosen.length >= limit || used >= maxGaps) break;
    const candidates = available
      .filter((m) => m.skills.includes(gap.skill) && !chosen.some((c) => c.module.id === m.id))
      .sort(
        (a, b) =>
          covered(b) - covered(a) ||
          inStage(b) - inStage(a) ||
          unfocused(a) - unfocused(b) ||
          a.minutes - b.minutes ||
          (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
      );
    const picked = candidates.slice(0, Math.min(perGap, limit - chosen.length));
    if (picked.length > 0) used += 1;
    for (const module of picked) chosen.push({ module, gap, inCurrentStage: inStage(module) === 1 });
  }
  return chosen;
}
