/** Team coverage for leads: each member's levels against their role's needs, and started stages' skills nobody covers. */
import type { Person } from "../domain/person.js";
import { skillName, type TrainingCatalog } from "./catalog.js";
import { trainedSkills } from "./gaps.js";
import { startedStages, type TrainingDeps } from "./suggestions.js";

/** One member's level in one skill area. */
export interface CoverageCell {
  skill: string;
  /** Self-rating, or null when not rated. */
  level: number | null;
  /** What the member's role needs (0 = nothing set). */
  need: number;
  /** True when the rating (unrated = 0) is below the need. */
  belowNeed: boolean;
}

export interface CoverageRow {
  name: string;
  role: string;
  cells: CoverageCell[];
}

/** The whole team's picture. */
export interface TeamCoverage {
  rows: CoverageRow[];
  startedStages: string[];
  /** For each started stage, its skills no member covers (rated at the stage level, or trained in). */
  uncovered: { stage: string; skills: string[] }[];
  /** Skill names by id, so the line and the card need no catalog. */
  names: Record<string, string>;
  stageLevel: number;
}

/** What coverage needs per member. */
export interface MemberSkills {
  person: Pick<Person, "displayName" | "role">;
  ratings: ReadonlyMap<string, number>;
  needs: ReadonlyMap<string, number>;
  completed: ReadonlySet<string>;
}

/** Pure: builds the picture from members' ratings, needs and completions. */
export function computeCoverage(
  catalog: TrainingCatalog,
  members: readonly MemberSkills[],
  stages: readonly string[],
): TeamCoverage {
  const covered = new Set<string>();
  const rows = members.map((m) => {
    for (const s of trainedSkills(catalog, m.completed)) covered.add(s);
    const cells = catalog.skills.map(({ id }) => {
      const level = m.ratings.get(id) ?? null;
      if ((level ?? 0) >= catalog.stageLevel) covered.add(id);
      const need = m.needs.get(id) ?? 0;
      return { skill: id, level, need, belowNeed: (level ?? 0) < need };
    });
    return { name: m.person.displayName, role: m.person.role, cells };
  });
  const uncovered = stages
    .map((stage) => ({ stage, skills: (catalog.stageSkills[stage] ?? []).filter((s) => !covered.has(s)) }))
    .filter((u) => u.skills.length > 0);
  const names = Object.fromEntries(catalog.skills.map((s) => [s.id, skillName(catalog, s.id)]));
  return { rows, startedStages: [...stages], uncovered, names, stageLevel: catalog.stageLevel };
}

/** Reads a workspace's team (everyone whose role is not none) and computes its coverage. */
export async function loadTeamCoverage(
  deps: TrainingDeps,
  people: readonly Person[],
  workspace: string,
): Promise<TeamCoverage> {
  const ratings = await deps.skills.teamRatings(workspace);
  const completed = await deps.training.teamCompleted(workspace);
  const team = people.filter((p) => p.workspace === workspace && p.role !== "none");
  const needsByRole = new Map<string, ReadonlyMap<string, number>>();
  for (const role of new Set(team.map((p) => p.role))) {
    needsByRole.set(role, await deps.skills.requirements(workspace, role));
  }
  const members = team.map((p) => {
    return {
      person: p,
      ratings: ratings.get(p.id) ?? new Map(),
      needs: needsByRole.get(p.role) ?? new Map(),
      completed: completed.get(p.id) ?? new Set<string>(),
    };
  });
  return computeCoverage(deps.catalog, members, await startedStages(deps, workspace));
}

/** One line for the weekly digest: who is below their role's needs and which started stage needs nobody covers. */
export function coverageLine(c: TeamCoverage): string {
  if (c.rows.length === 0) return "Skills: nobody is on the team yet.";
  const below = c.rows.filter((r) => r.cells.some((cell) => cell.belowNeed)).length;
  const rated = c.rows.filter((r) => r.cells.some((cell) => cell.level !== null)).length;
  const first =
    rated === 0
      ? "nobody has rated themselves yet (skills set hunting 2)"
      : below === 0
        ? "everyone meets their role's skill needs"
        : `${below} of ${c.rows.length} ${c.rows.length === 1 ? "person is" : "people are"} below their role's skill needs`;
  if (c.uncovered.length === 0)
    return `Skills: ${first}; ${c.startedStages.length ? "every started stage is covered" : "no stage has started"}.`;
  const gaps = c.uncovered
    .map((u) => `${u.skills.map((s) => c.names[s] ?? s).join(", ")} (Stage ${u.stage.replace(/^S/, "")})`)
    .join("; ");
  return `Skills: ${first}; nobody covers ${gaps}.`;
}
