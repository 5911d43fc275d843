/** Words for why a skill is a gap, e.g. "you handled 6 incidents touching Identity in the last 30 days". */
import { skillName, type TrainingCatalog } from "./catalog.js";
import { reasonPoints, type GapReason, type SkillGap } from "./gaps.js";

function stageWords(stages: string[]): string {
  const numbers = stages.map((s) => s.replace(/^S/, ""));
  if (numbers.length === 1) return `Stage ${numbers[0]} has`;
  return `Stages ${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]} have`;
}

/** One reason as a phrase starting in lower case. */
export function describeReason(catalog: TrainingCatalog, skill: string, reason: GapReason): string {
  const name = skillName(catalog, skill);
  switch (reason.kind) {
    case "rating":
      return `you rated yourself ${reason.have} in ${name} and the ${reason.role} role needs ${reason.need}`;
    case "workload":
      return `you handled ${reason.incidents} ${reason.incidents === 1 ? "incident" : "incidents"} touching ${name} in the last ${reason.days} days`;
    case "stage":
      return `${stageWords(reason.stages)} started and needs ${name} skills (level ${reason.level})`;
  }
}

/** The weightiest reason for a gap, as a phrase. */
export function headline(catalog: TrainingCatalog, gap: SkillGap): string {
  const [top] = [...gap.reasons].sort((a, b) => reasonPoints(b) - reasonPoints(a));
  return top ? describeReason(catalog, gap.skill, top) : "";
}

/** Why a module of the current stage comes first: "it is a Stage 2 module, the stage the team is in". */
export function stageNote(stage: string): string {
  return `it is a Stage ${stage.replace(/^S/, "")} module, the stage the team is in`;
}

/** Upper-cases the first letter, for a reason that starts a sentence. */
export function sentence(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
