/** A person's gaps and current suggestions, gathered from storage: used by `train`, the nudge job and Slack App Home. */
import type { Person } from "../domain/person.js";
import type { SkillRepository } from "../storage/repositories/skill-repository.js";
import type { TaskRepository } from "../storage/repositories/task-repository.js";
import type { TrainingRepository } from "../storage/repositories/training-repository.js";
import { aboutDuration, skillName, type TrainingCatalog, type TrainingModule } from "./catalog.js";
import { computeGaps, type SkillGap } from "./gaps.js";
import { rankModules, type RankingLimits } from "./ranking.js";
import { headline, stageNote } from "./reasons.js";
import { WORKLOAD_DAYS, type IncidentWorkload } from "./workload.js";

/** What training features read; `Services` provides all of it. */
export interface TrainingDeps {
  catalog: TrainingCatalog;
  skills: SkillRepository;
  training: TrainingRepository;
  tasks: TaskRepository;
  workload: IncidentWorkload;
}

/** A suggestion in neutral terms, ready for any surface (card, App Home, digest). */
export interface Suggestion {
  moduleId: string;
  title: string;
  description: string;
  url: string;
  kind: TrainingModule["kind"];
  minutes: number;
  /** "about 45 minutes": catalog durations are estimates. */
  duration: string;
  skill: string;
  skillName: string;
  /** Why, as a phrase: "you handled 6 incidents touching Identity in the last 30 days". */
  why: string;
}

/** Stages (plan areas named in the catalog) with any task in progress or done. */
export async function startedStages(
  deps: Pick<TrainingDeps, "catalog" | "tasks">,
  workspace: string,
): Promise<string[]> {
  const started = await deps.tasks.startedAreas(workspace);
  return Object.keys(deps.catalog.stageSkills).filter((s) => started.has(s));
}

/**
 * The stage the team is in: the earliest stage (S1–S4) with work still to do, or undefined when
 * every stage is done. Zero Trust stages build on each other, so the earliest open one is current.
 */
export async function currentStage(
  deps: Pick<TrainingDeps, "catalog" | "tasks">,
  workspace: string,
): Promise<string | undefined> {
  const open = await deps.tasks.areasWithOpenWork(workspace);
  return Object.keys(deps.catalog.stageSkills)
    .sort()
    .find((s) => open.has(s));
}

/** A person's gaps from all three signals, largest first. */
export async function gapsFor(deps: TrainingDeps, person: Person, now: Date, stages?: string[]): Promise<SkillGap[]> {
  const since = new Date(now.getTime() - WORKLOAD_DAYS * 86_400_000);
  return computeGaps({
    catalog: deps.catalog,
    role: person.role,
    ratings: await deps.skills.ratings(person.workspace, person.id),
    needs: await deps.skills.requirements(person.workspace, person.role),
    workload: await deps.workload.countsFor(person.workspace, person, since),
    workloadDays: WORKLOAD_DAYS,
    startedStages: stages ?? (await startedStages(deps, person.workspace)),
    completed: await deps.training.completed(person.workspace, person.id),
  });
}

/** The modules to suggest now, best first: on demand up to 5 from up to 3 gaps; the nudge asks for 2 from 1 gap. */
export async function currentSuggestions(
  deps: TrainingDeps,
  person: Person,
  now: Date,
  limits: RankingLimits = { limit: 5, perGap: 2, maxGaps: 3 },
): Promise<Suggestion[]> {
  const gaps = await gapsFor(deps, person, now);
  const history = {
    completed: await deps.training.completed(person.workspace, person.id),
    suppressions: await deps.training.suppressions(person.workspace, person.id),
    now,
  };
  const stage = await currentStage(deps, person.workspace);
  const ranked = rankModules(deps.catalog, gaps, history, limits, stage);
  return ranked.map(({ module, gap, inCurrentStage }) => ({
    moduleId: module.id,
    title: module.title,
    description: module.description,
    url: module.url,
    kind: module.kind,
    minutes: module.minutes,
    duration: aboutDuration(module.minutes),
    skill: gap.skill,
    skillName: skillName(deps.catalog, gap.skill),
    why: inCurrentStage && stage ? `${headline(deps.catalog, gap)}; ${stageNote(stage)}` : headline(deps.catalog, gap),
  }));
}
