/** The `skills` card: a person's self-ratings against their role's needs, and their largest gaps. */
import type { Card } from "../../src/core/reply.js";
import type { Person } from "../../src/domain/person.js";
import type { SkillGap } from "../../src/training/gaps.js";
import type { TrainingCatalog } from "../../src/training/catalog.js";
import { headline, sentence } from "../../src/training/reasons.js";
import { MAX_LEVEL } from "./skill-levels.js";

/** Builds the card from ratings, the role's needs and the computed gaps. */
export function skillsCard(
  catalog: TrainingCatalog,
  person: Person,
  ratings: ReadonlyMap<string, number>,
  needs: ReadonlyMap<string, number>,
  gaps: readonly SkillGap[],
): Card {
  const items = catalog.skills.map((s) => {
    const level = ratings.get(s.id);
    const need = needs.get(s.id) ?? 0;
    const parts = [level === undefined ? "not rated" : `${level} of ${MAX_LEVEL}`];
    if (need > 0) parts.push(`${person.role} needs ${need}${(level ?? 0) < need ? " (below)" : ""}`);
    return { label: `${s.name} (${s.id})`, detail: parts.join(" · ") };
  });
  return {
    title: `Skills of ${person.displayName}`,
    subtitle: `Role: ${person.role}. Levels are self-rated from 0 (none) to ${MAX_LEVEL} (could teach it).`,
    blocks: [
      { type: "list", items },
      { type: "text", spans: [{ bold: "Largest gaps" }] },
      {
        type: "list",
        items: gaps.slice(0, 3).map((g) => ({
          label: catalog.skills.find((s) => s.id === g.skill)?.name ?? g.skill,
          detail: sentence(headline(catalog, g)),
        })),
        empty: "No gaps right now.",
      },
      {
        type: "context",
        spans: [
          "Rate yourself with ",
          { code: "skills set hunting 2 identity 4" },
          "; ",
          { code: "train" },
          " suggests training.",
        ],
      },
    ],
  };
}
