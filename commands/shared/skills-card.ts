/** The `skills` card, compact: one line per skill area, each gap as "you 1 → your role needs 3", then the largest gaps. */
import type { Card } from "../../src/core/reply.js";
import type { Person } from "../../src/domain/person.js";
import type { SkillGap } from "../../src/training/gaps.js";
import type { TrainingCatalog } from "../../src/training/catalog.js";
import { headline, sentence } from "../../src/training/reasons.js";
import { MAX_LEVEL } from "./skill-levels.js";

/** "you 1 → your role needs 3", "4 · needs 2 ✓", "not rated"; `self` words it for the person themself. */
function levelLine(level: number | undefined, need: number, role: string, self: boolean): string {
  const have = level ?? 0;
  if (need > 0 && have < need)
    return self ? `you ${have} → your role needs ${need}` : `${have} → ${role} needs ${need}`;
  const rated = level === undefined ? "not rated" : String(level);
  return need > 0 ? `${rated} · needs ${need} ✓` : rated;
}

/** Builds the card from ratings, the role's needs and the computed gaps. */
export function skillsCard(
  catalog: TrainingCatalog,
  person: Person,
  ratings: ReadonlyMap<string, number>,
  needs: ReadonlyMap<string, number>,
  gaps: readonly SkillGap[],
  self = true,
): Card {
  const items = catalog.skills.map((s) => ({
    label: `${s.name} (${s.id}): ${levelLine(ratings.get(s.id), needs.get(s.id) ?? 0, person.role, self)}`,
  }));
  return {
    title: `Skills of ${person.displayName} (${person.role})`,
    subtitle: `Self-rated 0 (none) to ${MAX_LEVEL} (could teach it).`,
    blocks: [
      { type: "list", items },
      { type: "text", spans: [{ bold: "Largest gaps" }] },
      {
        type: "list",
        items: gaps.slice(0, 3).map((g) => ({ label: sentence(headline(catalog, g)) })),
        empty: "No gaps right now.",
      },
      {
        type: "context",
        spans: ["Rate yourself: ", { code: "skills set hunting 2 identity 4" }, "; ", { code: "train" }, " suggests."],
      },
    ],
  };
}
